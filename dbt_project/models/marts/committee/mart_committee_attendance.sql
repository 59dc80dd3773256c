{{ config(materialized='view') }}
-- Live attendance per session run from the dashboard × member entity: the entity's latest mark
-- (Asiste / No asiste, with the delegate); a member not marked yet is 'sin marcar'. A view over
-- the source, not a table: a mark shows at once, with no build. It reads the source directly
-- (no staging view) because staging views are replaced on every build and a view built on them
-- would go with them.
with

sessions as (
    select session_id, session_date from {{ source('committee', 'sessions') }}
),

members as (
    select entity_code, entity_name from {{ ref('dim_entity') }} where is_committee_member
),

latest_marks as (
    select distinct on (session_id, entity_code)
        session_id,
        entity_code,
        attends,
        delegate_name,
        delegate_role,
        marked_by,
        marked_at
    from {{ source('committee', 'attendance_marks') }}
    order by session_id, entity_code, mark_id desc
),

final as (
    select
        sessions.session_id,
        sessions.session_date,
        members.entity_code,
        members.entity_name,
        case
            when latest_marks.attends then 'asiste'
            when not latest_marks.attends then 'no asiste'
            else 'sin marcar'
        end as attendance,
        coalesce(latest_marks.attends, false) as attended,
        latest_marks.delegate_name,
        latest_marks.delegate_role,
        latest_marks.marked_by,
        latest_marks.marked_at
    from sessions
    cross join members
    left join latest_marks
        on latest_marks.session_id = sessions.session_id
        and latest_marks.entity_code = members.entity_code
)

select * from final
