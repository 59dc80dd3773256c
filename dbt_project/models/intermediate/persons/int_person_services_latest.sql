-- Person-level services restricted to the latest delivery per entity, indicator and month: a
-- re-delivery replaces the earlier month as a whole (as for indicator values). Pseudonyms only.
-- Deliveries the technical secretariat returned («devuelto») are left out (macro not_returned).
with

services as (
    select * from {{ ref('stg_raw_persons__person_services') }}
),

kept as (
    {{ not_returned('services') }}
),

ranked as (
    {{ latest_delivery('kept', ['entity_code', 'indicator_code', 'period_month']) }}
),

final as (
    select
        batch_id,
        source_row,
        loaded_at,
        entity_code,
        indicator_code,
        locality_code,
        period_month,
        document_type,
        person_pseudonym
    from ranked
)

select * from final
