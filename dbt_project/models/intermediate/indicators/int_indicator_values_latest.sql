-- Latest accepted delivery per (entity, indicator, month): a re-delivered month replaces the
-- earlier one as a whole (all its localities); history stays in raw.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

ranked as (
    select
        staged.*,
        dense_rank() over (
            partition by entity_code, indicator_code, period_month
            order by loaded_at desc, batch_id desc
        ) as delivery_rank
    from staged
),

final as (
    select * from ranked where delivery_rank = 1
)

select * from final
