-- Barriers and highlighted activities from each entity's latest delivery for a cut-off
-- (a re-delivery replaces the entity's earlier items for that cut-off as a whole).
-- Deliveries the technical secretariat returned («devuelto») are left out (macro not_returned).
with

staged as (
    select * from {{ ref('stg_raw__barriers') }}
),

kept as (
    {{ not_returned('staged') }}
),

ranked as (
    {{ latest_delivery('kept', ['entity_code', 'cutoff_code']) }}
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
)

select * from final
