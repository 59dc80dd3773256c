{{ config(materialized='view') }}
-- Quorum of every committee session the governance page lists: the sessions whose attendance
-- list an entity delivered (mart_session_quorum, more than half of the members) and the sessions
-- run from the dashboard (mart_committee_quorum, more than the session's quorum share) once at
-- least one member is marked. A delivered list is the signed record: on a date that has one, a
-- live session of that date is not listed again; of two live sessions on one date, the later
-- one is. A view, so a mark made during a session shows with no build.
with

delivered as (
    select
        session_date,
        cast(null as bigint) as session_id,
        'lista entregada' as session_origin,
        0.5::double precision as quorum_share,
        member_entities,
        attending_entities,
        quorum_required,
        has_quorum
    from {{ ref('mart_session_quorum') }}
),

live as (
    select distinct on (session_date)
        session_date,
        session_id,
        'sesión del tablero' as session_origin,
        quorum_share,
        member_entities,
        attending_entities,
        quorum_required,
        has_quorum
    from {{ ref('mart_committee_quorum') }}
    where unmarked_entities < member_entities
        and session_date not in (select session_date from delivered)
    order by session_date, session_id desc
),

unioned as (
    select * from delivered
    union all
    select * from live
),

final as (
    select
        session_date,
        session_id,
        session_origin,
        quorum_share,
        member_entities,
        attending_entities,
        attending_entities::double precision / nullif(member_entities, 0) as attendance_ratio,
        quorum_required,
        has_quorum
    from unioned
)

select * from final
