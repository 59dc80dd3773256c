-- Committee attendance lists from the latest delivery per session: a re-delivered list replaces
-- the earlier one as a whole (an entity left out of it no longer counts as present).
with

staged as (
    select * from {{ ref('stg_raw__session_attendance') }}
),

latest as (
    {{ latest_delivery('staged', ['session_date']) }}
),

final as (
    select
        batch_id,
        source_row,
        loaded_at,
        session_date,
        entity_code,
        attended
    from latest
)

select * from final
