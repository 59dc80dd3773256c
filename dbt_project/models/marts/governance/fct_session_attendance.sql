-- Attendance per committee session and member entity; a member missing from the list did not attend.
with

current_list as (
    select * from {{ ref('int_session_attendance_deduplicated') }}
),

members as (
    select * from {{ ref('dim_entity') }} where is_committee_member
),

sessions as (
    select distinct session_date from current_list
),

final as (
    select
        sessions.session_date,
        members.entity_code,
        coalesce(current_list.attended, false) as attended,
        current_list.batch_id::bigint as batch_id
    from sessions
    cross join members
    left join current_list
        on current_list.session_date = sessions.session_date
        and current_list.entity_code = members.entity_code
)

select * from final
