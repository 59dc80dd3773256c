-- Indicator values at month × locality × disaggregation grain, from the latest delivery
-- (with totals derived where an entity sent only disaggregated rows).
with

totaled as (
    select * from {{ ref('int_indicator_values_totaled') }}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['indicator_code', 'locality_code', 'period_month', 'sex', 'age_group']) }}
            as indicator_value_key,
        indicator_code,
        entity_code,
        locality_code,
        period_month,
        sex,
        age_group,
        sex = 'total' and age_group = 'total' as is_total,
        bool_or(is_derived_total) as is_derived_total,
        sum(indicator_value) as indicator_value,
        max(batch_id) as batch_id,
        max(loaded_at) as loaded_at
    from totaled
    group by indicator_code, entity_code, locality_code, period_month, sex, age_group
)

select * from final
