-- What a derived indicator (models/metrics/) reads: the monthly total of every delivered
-- indicator per locality and month (total rows, localities not added up), in both chains —
-- chain 'all' (the latest delivery not returned, int_indicator_values_totaled) and 'validated'
-- (the latest validated delivery, int_indicator_values_validated_totaled) — so that a metric
-- written once feeds fct_indicator_values and fct_indicator_values_validated alike.
with

all_deliveries as (
    select * from {{ ref('int_indicator_values_totaled') }}
),

validated_deliveries as (
    select * from {{ ref('int_indicator_values_validated_totaled') }}
),

totals_all as (
    select
        'all' as chain,
        indicator_code,
        locality_code,
        period_month,
        sum(indicator_value) as value
    from all_deliveries
    where sex = 'total' and age_group = 'total'
    group by indicator_code, locality_code, period_month
),

totals_validated as (
    select
        'validated' as chain,
        indicator_code,
        locality_code,
        period_month,
        sum(indicator_value) as value
    from validated_deliveries
    where sex = 'total' and age_group = 'total'
    group by indicator_code, locality_code, period_month
),

final as (
    select * from totals_all
    union all
    select * from totals_validated
)

select * from final
