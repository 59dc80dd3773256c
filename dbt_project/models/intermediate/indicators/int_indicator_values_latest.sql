-- Latest accepted delivery per (entity, indicator, month): a re-delivery replaces the earlier
-- one as a whole (all its localities); history stays in raw. A delivery the technical
-- secretariat returned («devuelto») feeds no figure: the month keeps its earlier delivery.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

kept as (
    {{ not_returned('staged') }}
),

final as (
    {{ latest_delivery('kept', ['entity_code', 'indicator_code', 'period_month']) }}
)

select * from final
