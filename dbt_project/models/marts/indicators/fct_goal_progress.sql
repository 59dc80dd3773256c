-- Progress towards each indicator's PDD goal: the figure by the indicator's own rule over the
-- PDD period (var pdd_start_month to the goal year's December, up to the last month with data).
with

indicators as (
    select * from {{ ref('dim_indicator') }}
),

facts as (
    select * from {{ ref('fct_indicator_values') }}
),

goals as (
    select
        indicator_code,
        aggregation_rule,
        numerator_rule,
        denominator_rule,
        ratio_per,
        pdd_goal_year as goal_year,
        pdd_goal_value as goal_value,
        '{{ var("pdd_start_month", "2024-01-01") }}'::date as goal_start_month,
        make_date(pdd_goal_year, 12, 1) as goal_end_month
    from indicators
    where pdd_goal_value is not null and pdd_goal_year is not null
),

monthly as (
    select
        goals.indicator_code,
        facts.period_month,
        sum(facts.indicator_value) as month_value,
        sum(facts.numerator) as month_numerator,
        sum(facts.denominator) as month_denominator
    from goals
    inner join facts
        on facts.indicator_code = goals.indicator_code
        and facts.is_total
        and facts.period_month between goals.goal_start_month and goals.goal_end_month
    group by goals.indicator_code, facts.period_month
),

final as (
    select
        goals.indicator_code,
        goals.aggregation_rule,
        goals.goal_year,
        goals.goal_value,
        goals.goal_start_month,
        max(monthly.period_month) as as_of_month,
        {{ aggregate_by_rule('goals.aggregation_rule', 'monthly.month_value', 'monthly.period_month', ratio_columns('monthly', 'goals')) }}
            as current_value,
        trim_scale(
            {{ aggregate_by_rule('goals.aggregation_rule', 'monthly.month_value', 'monthly.period_month', ratio_columns('monthly', 'goals')) }}
            / nullif(goals.goal_value, 0)
        ) as progress_ratio
    from goals
    left join monthly on monthly.indicator_code = goals.indicator_code
    group by
        goals.indicator_code, goals.aggregation_rule, goals.numerator_rule,
        goals.denominator_rule, goals.ratio_per, goals.goal_year, goals.goal_value,
        goals.goal_start_month
)

select * from final
