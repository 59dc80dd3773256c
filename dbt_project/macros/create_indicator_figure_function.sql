{#- The one place where an indicator's aggregation rule is applied over a period.
    marts.indicator_figure(code, from, to, localities) returns the figure the dashboard shows:
      sum  (flows):            sum of the monthly totals in the period;
      avg  (monthly averages): average of the monthly totals of the months with data;
      last (stocks):           the monthly total of the last month with data in the period.
    Monthly totals add the selected localities (all, including Distrito, when none is given).
    Created after every run so the app, the CLI and the tests all call the same SQL. -#}
{% macro create_indicator_figure_function() %}
create or replace function {{ var('marts_schema', 'marts') }}.indicator_figure(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null
)
returns table (
    indicator_code text,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language plpgsql stable as $fn$
begin
    return query
    with monthly as (
        select f.period_month, sum(f.indicator_value) as month_value
        from marts.fct_indicator_values as f
        where f.indicator_code = p_indicator_code
          and f.is_total
          and f.period_month between p_from and p_to
          and (p_localities is null or f.locality_code = any(p_localities))
        group by f.period_month
    )
    select
        d.indicator_code,
        d.aggregation_rule,
        case d.aggregation_rule
            when 'sum' then (select sum(m.month_value) from monthly as m)
            when 'avg' then (select avg(m.month_value) from monthly as m)
            when 'last' then (
                select m.month_value from monthly as m order by m.period_month desc limit 1
            )
        end,
        (select count(*)::integer from monthly),
        (select min(m.period_month) from monthly as m),
        (select max(m.period_month) from monthly as m)
    from marts.dim_indicator as d
    where d.indicator_code = p_indicator_code;
end
$fn$;
{% endmacro %}
