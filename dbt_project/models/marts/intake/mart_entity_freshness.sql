-- Per entity: when it last delivered, how many files were accepted or rejected, and whether its
-- data is stale for its expected frequency (monthly indicators, or once per cut-off).
with

entities as (
    select * from {{ ref('dim_entity') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

deliveries as (
    select * from {{ ref('stg_intake__deliveries') }}
),

frequency as (
    select
        entities.entity_code,
        case
            when exists (
                select 1 from indicators
                where indicators.entity_code = entities.entity_code
                  and indicators.frequency = 'mensual'
            ) then 'mensual'
            else 'por corte'
        end as expected_frequency
    from entities
),

delivery_stats as (
    select
        entity_code,
        max(received_at) as last_delivery_at,
        max(received_at) filter (where status in ('aceptado', 'reemplazado')) as last_accepted_at,
        count(*) filter (where status in ('aceptado', 'reemplazado'))::integer
            as accepted_deliveries,
        count(*) filter (where status = 'rechazado')::integer as rejected_deliveries
    from deliveries
    where entity_code is not null
    group by entity_code
),

final as (
    select
        frequency.entity_code,
        delivery_stats.last_delivery_at,
        delivery_stats.last_accepted_at,
        coalesce(delivery_stats.accepted_deliveries, 0) as accepted_deliveries,
        coalesce(delivery_stats.rejected_deliveries, 0) as rejected_deliveries,
        frequency.expected_frequency,
        (current_date - delivery_stats.last_accepted_at::date)::integer
            as days_since_last_accepted,
        coalesce(
            current_date - delivery_stats.last_accepted_at::date
            > case frequency.expected_frequency when 'mensual' then 45 else 130 end,
            true
        ) as is_stale
    from frequency
    left join delivery_stats on delivery_stats.entity_code = frequency.entity_code
)

select * from final
