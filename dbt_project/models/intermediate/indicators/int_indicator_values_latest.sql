-- Latest accepted delivery per (entity, indicator, month): a re-delivery replaces the earlier
-- one as a whole (all its localities); history stays in raw. A delivery the technical
-- secretariat returned («devuelto») feeds no figure: the month keeps its earlier delivery.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

reviews as (
    select * from {{ ref('stg_intake__delivery_reviews') }}
),

kept as (
    select staged.*
    from staged
    left join reviews on reviews.delivery_id = staged.batch_id
    where reviews.review_state is distinct from 'devuelto'
),

final as (
    {{ latest_delivery('kept', ['entity_code', 'indicator_code', 'period_month']) }}
)

select * from final
