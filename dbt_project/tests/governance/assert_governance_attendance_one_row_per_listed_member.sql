-- Every session mart_governance_quorum lists has exactly one attendance row per member entity,
-- and its attending count equals the attendance rows marked attended.
with

quorum as (
    select * from {{ ref('mart_governance_quorum') }}
),

attendance as (
    select
        session_date,
        count(*) as member_rows,
        count(distinct entity_code) as members,
        count(*) filter (where attended) as attending
    from {{ ref('mart_governance_attendance') }}
    group by session_date
)

select quorum.session_date, quorum.member_entities, attendance.member_rows, attendance.members,
    quorum.attending_entities, attendance.attending
from quorum
left join attendance on attendance.session_date = quorum.session_date
where attendance.session_date is null
    or attendance.member_rows <> attendance.members
    or attendance.members <> quorum.member_entities
    or attendance.attending <> quorum.attending_entities
