-- Population per year for each locality and for the district ('todas', the 20 localities
-- together): the denominators of the rates per 1.000 inhabitants, so a figure is divided by the
-- population of its own year (indicator_rate, indicator_figure_by_locality).
with

population as (
    select * from {{ ref('locality_population') }}
),

localities as (
    select * from {{ ref('dim_locality') }}
),

by_locality as (
    select
        population.locality_code::text as scope_code,
        population.population_year::integer as population_year,
        population.population::bigint as population
    from population
    inner join localities
        on localities.locality_code = population.locality_code
        and localities.is_locality
),

district as (
    select
        'todas' as scope_code,
        population_year,
        sum(population)::bigint as population
    from by_locality
    group by population_year
),

unioned as (
    select * from by_locality
    union all
    select * from district
),

final as (
    select
        {{ dbt_utils_surrogate_key(['scope_code', 'population_year']) }} as population_key,
        scope_code,
        population_year,
        population
    from unioned
)

select * from final
