-- As int_indicator_values_latest, over the deliveries the technical secretariat validated
-- («validado») only: the latest validated delivery per (entity, indicator, month). A newer
-- delivery still «recibido» (or «devuelto») leaves the validated month as it was.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

reviews as (
    select * from {{ ref('stg_intake__delivery_reviews') }}
),

validated as (
    select staged.*
    from staged
    inner join reviews on reviews.delivery_id = staged.batch_id
    where reviews.review_state = 'validado'
),

final as (
    {{ latest_delivery('validated', ['entity_code', 'indicator_code', 'period_month']) }}
)

select * from final
