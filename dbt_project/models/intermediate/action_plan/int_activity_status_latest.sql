-- One status per (activity, cut-off): an entity's latest delivery for a cut-off replaces its
-- earlier ones as a whole; when several entities report the same activity, the latest row wins.
with

staged as (
    select * from {{ ref('stg_raw__activity_status') }}
),

entity_deliveries as (
    select
        staged.*,
        dense_rank() over (
            partition by entity_code, cutoff_code
            order by loaded_at desc, batch_id desc
        ) as delivery_rank
    from staged
),

current_rows as (
    select * from entity_deliveries where delivery_rank = 1
),

ranked as (
    select
        current_rows.*,
        row_number() over (
            partition by activity_code, cutoff_code
            order by loaded_at desc, batch_id desc, source_row desc
        ) as activity_rank
    from current_rows
),

final as (
    select
        batch_id,
        source_row,
        file_name,
        loaded_at,
        entity_code,
        activity_code,
        cutoff_code,
        status,
        progress_note
    from ranked
    where activity_rank = 1
)

select * from final
