-- One reported value per (product, cut-off): an entity's latest delivery for a cut-off replaces
-- its earlier ones as a whole, and within it the last row of a product wins.
with

staged as (
    select * from {{ ref('stg_raw__product_advance') }}
),

current_rows as (
    {{ latest_delivery('staged', ['entity_code', 'cutoff_code']) }}
),

-- current_rows already carries a delivery_rank column: drop it before ranking again.
current_reports as (
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
    from current_rows
),

ranked as (
    {{ latest_delivery('current_reports', ['product_code', 'cutoff_code'], keep='row') }}
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
