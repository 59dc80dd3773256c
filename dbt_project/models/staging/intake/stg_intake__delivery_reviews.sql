-- The current review of each reviewed delivery: its latest decision (validado or devuelto).
-- Deliveries without a row here are «recibido» (mart_deliveries).
with

source as (
    select * from {{ source('intake', 'delivery_reviews') }}
),

ranked as (
    select
        source.delivery_id,
        source.state as review_state,
        nullif(trim(source.reason), '') as review_reason,
        source.reviewer,
        source.reviewed_at,
        row_number() over (
            partition by source.delivery_id order by source.review_id desc
        ) as review_rank
    from source
),

final as (
    select delivery_id, review_state, review_reason, reviewer, reviewed_at
    from ranked
    where review_rank = 1
)

select * from final
