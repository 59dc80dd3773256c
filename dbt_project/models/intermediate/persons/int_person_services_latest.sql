-- Person-level services restricted to the latest delivery per entity, indicator and month: a
-- re-delivery replaces the earlier month as a whole (as for indicator values). Pseudonyms only.
with

services as (
    select * from {{ ref('stg_raw_persons__person_services') }}
),

ranked as (
    {{ latest_delivery('services', ['entity_code', 'indicator_code', 'period_month']) }}
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
