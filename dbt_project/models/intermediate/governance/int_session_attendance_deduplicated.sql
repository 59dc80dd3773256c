-- Committee attendance lists from the latest delivery per session: a re-delivered list replaces
-- the earlier one as a whole (an entity left out of it no longer counts as present).
-- Deliveries the technical secretariat returned («devuelto») are left out (macro not_returned).
with

staged as (
    select * from {{ ref('stg_raw__session_attendance') }}
),

kept as (
    {{ not_returned('staged') }}
),

latest as (
    {{ latest_delivery('kept', ['session_date']) }}
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
