-- A derived total is only ever added where no total was delivered: no (entity, indicator,
-- locality, month) may hold both a delivered and a derived total row (they would be summed).
with

totaled as (
    select * from {{ ref('int_indicator_values_totaled') }}
),

final as (
    select entity_code, indicator_code, locality_code, period_month
    from totaled
    where sex = 'total' and age_group = 'total'
    group by entity_code, indicator_code, locality_code, period_month
    having bool_or(is_derived_total) and bool_or(not is_derived_total)
)

select * from final
