-- Attendance per committee session and member entity; a member missing from the list did not attend.
with

staged as (
    select * from {{ ref('stg_raw__session_attendance') }}
),

members as (
    select * from {{ ref('dim_entity') }} where is_committee_member
),

ranked as (
    select
        staged.*,
        dense_rank() over (
            partition by session_date
            order by loaded_at desc, batch_id desc
        ) as delivery_rank
    from staged
),

current_list as (
    select * from ranked where delivery_rank = 1
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
