-- Every indicator's figure for every follow-up cut-off, for all localities together ('todas')
-- and for each locality with data: the rule applied by the macro aggregate_by_rule, the same
-- macro the SQL functions use, so this model's unit tests pin the rule for the whole product.
-- Each figure covers the indicator's own window at the cut-off (mart_indicator_cutoff_windows).
with

facts as (
    select * from {{ ref('fct_indicator_values') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

windows as (
    select * from {{ ref('mart_indicator_cutoff_windows') }}
),

monthly_by_locality as (
    select
        facts.indicator_code,
        windows.cutoff_code,
        facts.locality_code as locality_scope,
        facts.period_month,
        sum(facts.indicator_value) as month_value
    from facts
    inner join windows
        on windows.indicator_code = facts.indicator_code
        and facts.period_month
            between coalesce(windows.lookback_start_month, windows.window_start_month)
            and windows.window_end_month
    where facts.is_total
    group by facts.indicator_code, windows.cutoff_code, facts.locality_code, facts.period_month
),

monthly_all_localities as (
    select
        indicator_code,
        cutoff_code,
        'todas' as locality_scope,
        period_month,
        sum(month_value) as month_value
    from monthly_by_locality
    group by indicator_code, cutoff_code, period_month
),

monthly as (
    select * from monthly_all_localities
    union all
    select * from monthly_by_locality
),

final as (
    select
        {{ dbt_utils_surrogate_key(['monthly.indicator_code', 'monthly.cutoff_code', 'monthly.locality_scope']) }}
            as cutoff_figure_key,
        monthly.indicator_code,
        monthly.cutoff_code,
        monthly.locality_scope,
        indicators.aggregation_rule,
        windows.window_start_month,
        windows.window_end_month,
        {{ aggregate_by_rule('indicators.aggregation_rule', 'monthly.month_value', 'monthly.period_month') }}
            as figure,
        count(monthly.month_value)::integer as months_with_data,
        min(monthly.period_month) as first_month,
        max(monthly.period_month) as last_month
    from monthly
    inner join indicators on indicators.indicator_code = monthly.indicator_code
    inner join windows
        on windows.indicator_code = monthly.indicator_code
        and windows.cutoff_code = monthly.cutoff_code
    group by
        monthly.indicator_code, monthly.cutoff_code, monthly.locality_scope,
        indicators.aggregation_rule, windows.window_start_month, windows.window_end_month
)

select * from final
