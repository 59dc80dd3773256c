-- Latest accepted delivery per (entity, indicator, month): a re-delivered month replaces the
-- earlier one as a whole (all its localities); history stays in raw.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

final as (
    {{ latest_delivery('staged', ['entity_code', 'indicator_code', 'period_month']) }}
)

select * from final
