-- The total rows of fct_indicator_values alone (indicator × entity × locality × month), indexed
-- for the figure functions: marts.indicator_figure, _by_locality and _series read monthly totals
-- here instead of scanning the disaggregated rows too. A projection, nothing is added up.
-- A derived ratio indicator's rows carry their numerator and denominator (rule ratio).
with

totals as (
    select
        indicator_value_key,
        indicator_code,
        entity_code,
        locality_code,
        period_month,
        indicator_value as month_value,
        numerator as month_numerator,
        denominator as month_denominator
    from {{ ref('fct_indicator_values') }}
    where is_total
)

select * from totals
