-- Delivery log for the data-quality page: every received file with status and problem counts,
-- and the technical secretariat's review of the accepted ones (recibido / validado / devuelto).
with

deliveries as (
    select * from {{ ref('stg_intake__deliveries') }}
),

reviews as (
    select * from {{ ref('stg_intake__delivery_reviews') }}
),

final as (
    select
        deliveries.delivery_id,
        deliveries.entity_code,
        deliveries.kind,
        deliveries.file_name,
        deliveries.file_sha256,
        deliveries.received_at,
        deliveries.status,
        deliveries.row_count,
        deliveries.problem_count,
        deliveries.warning_count,
        deliveries.submitter,
        deliveries.supersedes_delivery_id,
        deliveries.content_kind,
        case
            when deliveries.status in ('aceptado', 'reemplazado')
                then coalesce(reviews.review_state, 'recibido')
        end as review_state,
        reviews.review_reason,
        reviews.reviewed_at
    from deliveries
    left join reviews on reviews.delivery_id = deliveries.delivery_id
)

select * from final
