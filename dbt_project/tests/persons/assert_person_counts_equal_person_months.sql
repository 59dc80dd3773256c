-- fct_person_counts (monthly distinct persons per locality, plus the district row) must equal
-- the counts derived from fct_person_months, the base of the period figures (person_count):
-- returns every (indicator, entity, locality, month, is_total) where the two differ or one lacks.
with

monthly as (
    select * from {{ ref('fct_person_counts') }}
),

person_months as (
    select * from {{ ref('fct_person_months') }}
),

derived as (
    select
        indicator_code, entity_code, locality_code, period_month, false as is_total,
        count(distinct person_pseudonym)::integer as distinct_persons
    from person_months
    group by indicator_code, entity_code, locality_code, period_month
    union all
    select
        indicator_code, entity_code, '00', period_month, true,
        count(distinct person_pseudonym)::integer
    from person_months
    group by indicator_code, entity_code, period_month
),

final as (
    select
        coalesce(monthly.indicator_code, derived.indicator_code) as indicator_code,
        coalesce(monthly.entity_code, derived.entity_code) as entity_code,
        coalesce(monthly.locality_code, derived.locality_code) as locality_code,
        coalesce(monthly.period_month, derived.period_month) as period_month,
        coalesce(monthly.is_total, derived.is_total) as is_total,
        monthly.distinct_persons as monthly_count,
        derived.distinct_persons as derived_count
    from monthly
    full outer join derived
        on monthly.indicator_code = derived.indicator_code
        and monthly.entity_code = derived.entity_code
        and monthly.locality_code = derived.locality_code
        and monthly.period_month = derived.period_month
        and monthly.is_total = derived.is_total
    where monthly.distinct_persons is distinct from derived.distinct_persons
)

select * from final
