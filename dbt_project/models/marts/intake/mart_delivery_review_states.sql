-- Accepted deliveries in force (status aceptado) per review state, as of the build: what the
-- figures rest on (the session report states it).
with

deliveries as (
    select * from {{ ref('mart_deliveries') }} where status = 'aceptado'
),

final as (
    select
        review_state,
        count(*)::integer as deliveries
    from deliveries
    group by review_state
)

select * from final
