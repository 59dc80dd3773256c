-- Accepted and rejected deliveries per entity (the Calidad page's chart), each file counted once.
-- Only status aceptado counts as accepted here (a file later superseded shows as reemplazado);
-- chart_order puts the entity with most accepted + rejected files first, ties by latest file.
with

deliveries as (
    select * from {{ ref('mart_deliveries') }}
),

counts as (
    select
        entity_code,
        count(*) filter (where status = 'aceptado')::integer as accepted,
        count(*) filter (where status = 'rechazado')::integer as rejected,
        max(received_at) as last_received_at
    from deliveries
    group by entity_code
),

final as (
    select
        coalesce(entity_code, 'sin entidad') as entity_key,
        entity_code,
        accepted,
        rejected,
        last_received_at,
        row_number() over (
            order by accepted + rejected desc, last_received_at desc, entity_code
        )::integer as chart_order
    from counts
)

select * from final
