-- Delivery log for the data-quality page: every received file with status and problem counts.
with

deliveries as (
    select * from {{ ref('stg_intake__deliveries') }}
),

final as (
    select
        delivery_id,
        entity_code,
        kind,
        file_name,
        file_sha256,
        received_at,
        status,
        row_count,
        problem_count,
        warning_count,
        submitter,
        supersedes_delivery_id,
        content_kind
    from deliveries
)

select * from final
