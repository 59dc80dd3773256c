{#- The indicator pipeline's shared bodies, so that the validated-only chain (deliveries the
    technical secretariat marked «validado»: int_indicator_values_latest_validated →
    int_indicator_values_validated_totaled → fct_indicator_values_validated →
    mart_indicator_cutoff_figures_validated, read by the public page and by the «solo validados»
    switch) applies exactly the rules of the default chain (every delivery not returned). -#}

{#- Latest delivered values plus derived totals (int_indicator_values_totaled). -#}
{% macro indicator_values_totaled(latest_relation) %}
with

latest as (
    select * from {{ latest_relation }}
),

cells as (
    select
        entity_code,
        indicator_code,
        locality_code,
        period_month,
        bool_or(sex = 'total' and age_group = 'total') as has_total,
        bool_or(sex <> 'total' and age_group = 'total') as has_sex_rows,
        bool_or(sex = 'total' and age_group <> 'total') as has_age_rows
    from latest
    group by entity_code, indicator_code, locality_code, period_month
),

derived_totals as (
    select
        latest.batch_id,
        latest.file_name,
        latest.file_sha256,
        latest.loaded_at,
        latest.entity_code,
        latest.indicator_code,
        latest.locality_code,
        latest.period_month,
        'total' as sex,
        'total' as age_group,
        sum(latest.indicator_value) as indicator_value,
        true as is_derived_total
    from latest
    inner join cells
        on cells.entity_code = latest.entity_code
        and cells.indicator_code = latest.indicator_code
        and cells.locality_code = latest.locality_code
        and cells.period_month = latest.period_month
    where not cells.has_total
        and (
            (cells.has_sex_rows and latest.sex <> 'total' and latest.age_group = 'total')
            or (
                not cells.has_sex_rows and cells.has_age_rows
                and latest.sex = 'total' and latest.age_group <> 'total'
            )
            or (
                not cells.has_sex_rows and not cells.has_age_rows
                and latest.sex <> 'total' and latest.age_group <> 'total'
            )
        )
    group by
        latest.batch_id, latest.file_name, latest.file_sha256, latest.loaded_at,
        latest.entity_code, latest.indicator_code, latest.locality_code, latest.period_month
),

delivered as (
    select
        batch_id,
        file_name,
        file_sha256,
        loaded_at,
        entity_code,
        indicator_code,
        locality_code,
        period_month,
        sex,
        age_group,
        indicator_value,
        false as is_derived_total
    from latest
),

final as (
    select * from delivered
    union all
    select * from derived_totals
)

select * from final
{% endmacro %}

{#- The fact at month × locality × disaggregation grain (fct_indicator_values): the delivered
    values, plus the rows of the derived indicators (models/metrics/, collected by
    int_metric_values) of the same chain ('all' or 'validated'): one total row per locality and
    month, with numerator and denominator for rule ratio (indicator_value is then that month's
    own ratio, for reading only: figures divide the period's aggregates, aggregate_by_rule). -#}
{% macro indicator_values_fact(totaled_relation, chain='all') %}
with

totaled as (
    select * from {{ totaled_relation }}
),

metric_values as (
    select * from {{ ref('int_metric_values') }}
    where chain = '{{ chain }}'
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

delivered as (
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
        max(loaded_at) as loaded_at,
        null::numeric as numerator,
        null::numeric as denominator,
        'delivered' as source_kind
    from totaled
    group by indicator_code, entity_code, locality_code, period_month, sex, age_group
),

derived as (
    select
        {{ dbt_utils_surrogate_key(['metric_values.indicator_code', 'metric_values.locality_code', 'metric_values.period_month', "'total'", "'total'"]) }}
            as indicator_value_key,
        metric_values.indicator_code,
        indicators.entity_code,
        metric_values.locality_code,
        metric_values.period_month,
        'total' as sex,
        'total' as age_group,
        true as is_total,
        false as is_derived_total,
        case when indicators.aggregation_rule = 'ratio' then
            trim_scale(round(
                metric_values.numerator / nullif(metric_values.denominator, 0)
                    * indicators.ratio_per,
                10))
            else metric_values.value
        end as indicator_value,
        null::bigint as batch_id,
        null::timestamp with time zone as loaded_at,
        metric_values.numerator,
        metric_values.denominator,
        'derived' as source_kind
    from metric_values
    inner join indicators on indicators.indicator_code = metric_values.indicator_code
    where indicators.source_kind = 'derived'
),

final as (
    select * from delivered
    union all
    select * from derived
)

select * from final
{% endmacro %}

{#- Every indicator's figure per cut-off and locality scope (mart_indicator_cutoff_figures). -#}
{% macro indicator_cutoff_figures(facts_relation) %}
with

facts as (
    select * from {{ facts_relation }}
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
        sum(facts.indicator_value) as month_value,
        sum(facts.numerator) as month_numerator,
        sum(facts.denominator) as month_denominator
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
        sum(month_value) as month_value,
        sum(month_numerator) as month_numerator,
        sum(month_denominator) as month_denominator
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
        {{ aggregate_by_rule('indicators.aggregation_rule', 'monthly.month_value', 'monthly.period_month', ratio_columns('monthly', 'indicators')) }}
            as figure,
        count(monthly.period_month)::integer as months_with_data,
        min(monthly.period_month) as first_month,
        max(monthly.period_month) as last_month,
        case when indicators.aggregation_rule = 'ratio' then
            {{ aggregate_part('indicators.numerator_rule', 'monthly.month_numerator', 'monthly.period_month') }}
        end as numerator_figure,
        case when indicators.aggregation_rule = 'ratio' then
            {{ aggregate_part('indicators.denominator_rule', 'monthly.month_denominator', 'monthly.period_month') }}
        end as denominator_figure
    from monthly
    inner join indicators on indicators.indicator_code = monthly.indicator_code
    inner join windows
        on windows.indicator_code = monthly.indicator_code
        and windows.cutoff_code = monthly.cutoff_code
    group by
        monthly.indicator_code, monthly.cutoff_code, monthly.locality_scope,
        indicators.aggregation_rule, indicators.numerator_rule, indicators.denominator_rule,
        indicators.ratio_per, windows.window_start_month, windows.window_end_month
)

select * from final
{% endmacro %}
