-- UTA1_INTEGRATE_TASA (a derived indicator, rule ratio): per locality and month with
-- orientations, the Intégrate orientations (numerator) and the locality's projected population
-- of that year (denominator). Every locality gets a row in those months (0 orientations where
-- it had none), so the district's denominator is the whole city's population; the Distrito
-- ('00') and unknown ('99') rows carry their orientations with no population (0). The
-- catalogue sums the numerator over the period and takes the denominator at its last month.
with

inputs as (
    select * from {{ ref('int_metric_inputs') }}
),

population as (
    select * from {{ ref('mart_population_by_year') }}
),

orientations as (
    select chain, locality_code, period_month, value
    from inputs
    where indicator_code = 'UTA1_INTEGRATE_ORIENTACIONES'
),

months as (
    select distinct chain, period_month from orientations
),

localities as (
    select distinct scope_code as locality_code from population where scope_code <> 'todas'
),

places as (
    select months.chain, localities.locality_code, months.period_month
    from months
    cross join localities
    union
    select chain, locality_code, period_month from orientations
),

final as (
    select
        places.chain,
        places.locality_code,
        places.period_month,
        null::numeric as value,
        coalesce(orientations.value, 0) as numerator,
        coalesce(population.population, 0)::numeric as denominator
    from places
    left join orientations
        on orientations.chain = places.chain
        and orientations.locality_code = places.locality_code
        and orientations.period_month = places.period_month
    left join population
        on population.scope_code = places.locality_code
        and population.population_year = extract(year from places.period_month)::integer
)

select * from final
