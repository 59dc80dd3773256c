{{ config(materialized='view') }}
-- Attendance of every session mart_governance_quorum lists, one row per session date × member
-- entity: from the delivered list (fct_session_attendance) or, for a session run from the
-- dashboard, the member's latest mark (mart_committee_attendance; unmarked counts as absent).
with

sessions as (
    select session_date, session_id, session_origin from {{ ref('mart_governance_quorum') }}
),

delivered as (
    select
        attendance.session_date,
        attendance.entity_code,
        attendance.attended
    from {{ ref('fct_session_attendance') }} as attendance
    inner join sessions
        on sessions.session_date = attendance.session_date
        and sessions.session_origin = 'lista entregada'
),

live as (
    select
        attendance.session_date,
        attendance.entity_code,
        attendance.attended
    from {{ ref('mart_committee_attendance') }} as attendance
    inner join sessions on sessions.session_id = attendance.session_id
),

final as (
    select * from delivered
    union all
    select * from live
)

select * from final
