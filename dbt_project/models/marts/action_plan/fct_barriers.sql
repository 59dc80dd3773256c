-- Identified barriers and highlighted activities per cut-off, UTA and entity (current deliveries).
with

items as (
    select * from {{ ref('int_barriers_latest') }}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['cutoff_code', 'uta_code', 'entity_code', 'item_kind', 'item_text']) }}
            as barrier_key,
        cutoff_code,
        uta_code,
        entity_code,
        item_kind,
        item_text,
        batch_id::bigint as batch_id,
        source_row::integer as source_row
    from items
)

select * from final
