-- Deliveries per entity and follow-up cut-off (the Calidad page's table "Entregas por entidad y
-- corte"): how many files, accepted (aceptado or later reemplazado), rejected, on time, and the
-- last one. A delivery covering several cut-offs counts in each; "sin corte" (cutoff_code null)
-- and "sin entidad" (entity_code null) are groups of their own.
with

deliveries_by_cutoff as (
    select * from {{ ref('mart_deliveries_by_cutoff') }}
),

counts as (
    select
        entity_code,
        cutoff_code,
        count(*)::integer as deliveries,
        count(*) filter (where status in ('aceptado', 'reemplazado'))::integer as accepted,
        count(*) filter (where status = 'rechazado')::integer as rejected,
        count(*) filter (where is_on_time)::integer as on_time,
        max(received_at) as last_delivery_at
    from deliveries_by_cutoff
    group by entity_code, cutoff_code
),

final as (
    select
        coalesce(entity_code, 'sin entidad') || '|' || coalesce(cutoff_code, 'sin corte')
            as entity_cutoff_key,
        entity_code,
        cutoff_code,
        deliveries,
        accepted,
        rejected,
        on_time,
        last_delivery_at
    from counts
)

select * from final
