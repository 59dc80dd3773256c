{{ config(materialized='view') }}
-- Live quorum per session run from the dashboard: quorum when the attending member entities are
-- more than the session's quorum share (default 0,5: more than half) of the member entities.
-- quorum_required is the smallest number of attending members that reaches it.
with

sessions as (
    select session_id, session_date, quorum_share from {{ source('committee', 'sessions') }}
),

attendance as (
    select * from {{ ref('mart_committee_attendance') }}
),

counts as (
    select
        session_id,
        count(*)::integer as member_entities,
        count(*) filter (where attendance = 'asiste')::integer as attending_entities,
        count(*) filter (where attendance = 'sin marcar')::integer as unmarked_entities
    from attendance
    group by session_id
),

final as (
    select
        sessions.session_id,
        sessions.session_date,
        sessions.quorum_share::double precision as quorum_share,
        coalesce(counts.member_entities, 0) as member_entities,
        coalesce(counts.attending_entities, 0) as attending_entities,
        coalesce(counts.unmarked_entities, 0) as unmarked_entities,
        (floor(coalesce(counts.member_entities, 0) * sessions.quorum_share) + 1)::integer
            as quorum_required,
        coalesce(counts.attending_entities, 0)
            > coalesce(counts.member_entities, 0) * sessions.quorum_share as has_quorum
    from sessions
    left join counts on counts.session_id = sessions.session_id
)

select * from final
