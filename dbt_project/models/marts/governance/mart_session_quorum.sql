-- Quorum per committee session: attending member entities against the project's majority rule.
with

attendance as (
    select * from {{ ref('fct_session_attendance') }}
),

counts as (
    select
        session_date,
        count(*)::integer as member_entities,
        count(*) filter (where attended)::integer as attending_entities
    from attendance
    group by session_date
),

final as (
    select
        session_date,
        member_entities,
        attending_entities,
        attending_entities::double precision / member_entities as attendance_ratio,
        -- Project assumption: quorum = more than half of the member entities attend.
        (member_entities / 2 + 1)::integer as quorum_required,
        attending_entities * 2 > member_entities as has_quorum
    from counts
)

select * from final
