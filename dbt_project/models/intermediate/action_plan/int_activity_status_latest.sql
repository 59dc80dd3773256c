-- One status per (activity, cut-off): an entity's latest delivery for a cut-off replaces its
-- earlier ones as a whole; when several entities report the same activity, the latest row wins.
-- Deliveries the technical secretariat returned («devuelto») are left out (macro not_returned).
with

staged as (
    select * from {{ ref('stg_raw__activity_status') }}
),

kept as (
    {{ not_returned('staged') }}
),

current_rows as (
    {{ latest_delivery('kept', ['entity_code', 'cutoff_code']) }}
),

ranked as (
    {{ latest_delivery('current_rows', ['activity_code', 'cutoff_code'], keep='row', rank_column='row_rank') }}
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
