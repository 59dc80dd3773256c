-- One reported value per (product, cut-off): an entity's latest delivery for a cut-off replaces
-- its earlier ones as a whole, and within it the last row of a product wins.
with

staged as (
    select * from {{ ref('stg_raw__product_advance') }}
),

current_rows as (
    {{ latest_delivery('staged', ['entity_code', 'cutoff_code']) }}
),

ranked as (
    {{ latest_delivery('current_rows', ['product_code', 'cutoff_code'], keep='row', rank_column='row_rank') }}
),

final as (
    select
        batch_id,
        source_row,
        file_name,
        loaded_at,
        entity_code,
        product_code,
        cutoff_code,
        reported_value,
        progress_note
    from ranked
)

select * from final
