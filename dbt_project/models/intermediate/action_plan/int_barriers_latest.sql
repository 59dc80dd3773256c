-- Barriers and highlighted activities from each entity's latest delivery for a cut-off
-- (a re-delivery replaces the entity's earlier items for that cut-off as a whole).
with

staged as (
    select * from {{ ref('stg_raw__barriers') }}
),

ranked as (
    select
        staged.*,
        dense_rank() over (
            partition by entity_code, cutoff_code
            order by loaded_at desc, batch_id desc
        ) as delivery_rank
    from staged
),

final as (
    select
        batch_id,
        source_row,
        loaded_at,
        entity_code,
        uta_code,
        cutoff_code,
        item_kind,
        item_text
    from ranked
    where delivery_rank = 1
)

select * from final
