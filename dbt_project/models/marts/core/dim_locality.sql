-- One row per locality, plus the district-wide member (00) and the unknown member (99).
with

localities as (
    select * from {{ ref('localities') }}
),

population as (
    select * from {{ ref('locality_population') }}
),

population_2024 as (
    select locality_code, population from population where population_year = 2024
),

final as (
    select
        localities.locality_code::text as locality_code,
        localities.locality_name::text as locality_name,
        localities.locality_kind::text as locality_kind,
        localities.locality_kind = 'localidad' as is_locality,
        localities.sort_order::integer as sort_order,
        population_2024.population::bigint as population_2024
    from localities
    left join population_2024 using (locality_code)
)

select * from final
