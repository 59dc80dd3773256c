-- One status per (activity, cut-off): an entity's latest delivery for a cut-off replaces its
-- earlier ones as a whole; when several entities report the same activity, the latest row wins.
with

staged as (
    select * from {{ ref('stg_raw__activity_status') }}
),

current_rows as (
    {{ latest_delivery('staged', ['entity_code', 'cutoff_code']) }}
),

-- current_rows already carries a delivery_rank column: drop it before ranking again.
current_statuses as (
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
    from current_rows
),

ranked as (
    {{ latest_delivery('current_statuses', ['activity_code', 'cutoff_code'], keep='row') }}
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
)

select * from final
