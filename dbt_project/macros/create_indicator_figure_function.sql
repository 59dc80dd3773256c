{#- Creates, after every dbt run/build/seed (on-run-end), the SQL functions through which the
    app, the CLI and the tests ask for rule-aware figures. All of them apply the indicator's rule
    with the macro aggregate_by_rule over monthly totals; monthly totals add the selected
    localities' total rows (all localities, Distrito included, when none are given):
      indicator_figure(code, from, to, localities, entity)           one figure;
      indicator_figure_by_locality(code, from, to, entity)           one row per locality with data;
      indicator_series(code, from, to, localities, grain, entity)    one row per month/quarter/year;
      indicator_breakdown(code, from, to, localities, dimension, entity)  one row per sex or age group.
    They live in var('marts_schema') beside the marts and are SQL-standard bodies (BEGIN ATOMIC):
    PostgreSQL binds them to the tables by OID, so when a build into a side schema (marts_next) is
    renamed into `marts`, the functions move with their tables and keep working. Such bodies are
    checked at creation, so they are created only when the marts they read exist (`dbt seed` alone
    creates nothing and does not fail). -#}
{% macro create_indicator_figure_function() %}
{%- set s = var('marts_schema', 'marts') -%}
{%- set missing = missing_relations(s, ['fct_indicator_values', 'dim_indicator', 'dim_locality', 'dim_period']) -%}
{%- if missing -%}
select 'indicator figure functions not created: missing {{ s }}.{{ missing | join(", ") }}' as skipped
{%- else -%}
drop function if exists {{ s }}.indicator_figure(text, date, date, text[]);
drop function if exists {{ s }}.indicator_figure(text, date, date, text[], text);
drop function if exists {{ s }}.indicator_figure_by_locality(text, date, date, text);
drop function if exists {{ s }}.indicator_series(text, date, date, text[], text, text);
drop function if exists {{ s }}.indicator_breakdown(text, date, date, text[], text, text);
{{ indicator_figure_function_sql(s) }}
{{ indicator_figure_by_locality_function_sql(s) }}
{{ indicator_series_function_sql(s) }}
{{ indicator_breakdown_function_sql(s) }}
{%- endif %}
{% endmacro %}

{#- Filter on the fact shared by every function: indicator, total rows, period, entity. -#}
{% macro indicator_fact_filter() -%}
    f.indicator_code = p_indicator_code
    and f.period_month between p_from and p_to
    and (p_entity_code is null or f.entity_code = p_entity_code)
{%- endmacro %}

{% macro indicator_locality_filter() -%}
    (p_localities is null or cardinality(p_localities) = 0 or f.locality_code = any(p_localities))
{%- endmacro %}

{% macro indicator_figure_function_sql(s) %}
create function {{ s }}.indicator_figure(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null,
    p_entity_code text default null
)
returns table (
    indicator_code text,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    with monthly as (
        select f.period_month, sum(f.indicator_value) as month_value
        from {{ s }}.fct_indicator_values as f
        where {{ indicator_fact_filter() }}
          and f.is_total
          and {{ indicator_locality_filter() }}
        group by f.period_month
    )
    select
        d.indicator_code,
        d.aggregation_rule,
        {{ aggregate_by_rule('d.aggregation_rule', 'm.month_value', 'm.period_month') }},
        count(m.month_value)::integer,
        min(m.period_month),
        max(m.period_month)
    from {{ s }}.dim_indicator as d
    left join monthly as m on true
    where d.indicator_code = p_indicator_code
    group by d.indicator_code, d.aggregation_rule;
end;
{% endmacro %}

{% macro indicator_figure_by_locality_function_sql(s) %}
create function {{ s }}.indicator_figure_by_locality(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_entity_code text default null
)
returns table (
    locality_code text,
    locality_name text,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    with monthly as (
        select f.locality_code, f.period_month, sum(f.indicator_value) as month_value
        from {{ s }}.fct_indicator_values as f
        where {{ indicator_fact_filter() }}
          and f.is_total
        group by f.locality_code, f.period_month
    )
    select
        m.locality_code,
        l.locality_name,
        d.aggregation_rule,
        {{ aggregate_by_rule('d.aggregation_rule', 'm.month_value', 'm.period_month') }},
        count(m.month_value)::integer,
        min(m.period_month),
        max(m.period_month)
    from monthly as m
    inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
    inner join {{ s }}.dim_locality as l on l.locality_code = m.locality_code
    group by m.locality_code, l.locality_name, l.sort_order, d.aggregation_rule
    order by l.sort_order;
end;
{% endmacro %}

{% macro indicator_series_function_sql(s) %}
create function {{ s }}.indicator_series(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null,
    p_grain text default 'month',
    p_entity_code text default null
)
returns table (
    bucket_month date,
    bucket_label text,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    with monthly as (
        select
            date_trunc(p_grain, f.period_month)::date as bucket_month,
            f.period_month,
            sum(f.indicator_value) as month_value
        from {{ s }}.fct_indicator_values as f
        where {{ indicator_fact_filter() }}
          and f.is_total
          and {{ indicator_locality_filter() }}
          and p_grain in ('month', 'quarter', 'year')
        group by 1, 2
    )
    select
        m.bucket_month,
        case p_grain
            when 'month' then p.month_label
            when 'quarter' then p.quarter_label
            else p.period_year::text
        end,
        d.aggregation_rule,
        {{ aggregate_by_rule('d.aggregation_rule', 'm.month_value', 'm.period_month') }},
        count(m.month_value)::integer,
        min(m.period_month),
        max(m.period_month)
    from monthly as m
    inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
    inner join {{ s }}.dim_period as p on p.period_month = m.bucket_month
    group by m.bucket_month, p.month_label, p.quarter_label, p.period_year, d.aggregation_rule
    order by m.bucket_month;
end;
{% endmacro %}

{% macro indicator_breakdown_function_sql(s) %}
create function {{ s }}.indicator_breakdown(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null,
    p_dimension text default 'sex',
    p_entity_code text default null
)
returns table (
    category text,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    with rows_of_dimension as (
        select
            case when p_dimension = 'sex' then f.sex else f.age_group end as category,
            f.period_month,
            f.indicator_value
        from {{ s }}.fct_indicator_values as f
        where {{ indicator_fact_filter() }}
          and {{ indicator_locality_filter() }}
          and (
              (p_dimension = 'sex' and f.sex <> 'total' and f.age_group = 'total')
              or (p_dimension = 'age_group' and f.age_group <> 'total' and f.sex = 'total')
          )
    ),
    monthly as (
        select r.category, r.period_month, sum(r.indicator_value) as month_value
        from rows_of_dimension as r
        group by r.category, r.period_month
    )
    select
        m.category,
        d.aggregation_rule,
        {{ aggregate_by_rule('d.aggregation_rule', 'm.month_value', 'm.period_month') }},
        count(m.month_value)::integer,
        min(m.period_month),
        max(m.period_month)
    from monthly as m
    inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
    group by m.category, d.aggregation_rule
    order by m.category;
end;
{% endmacro %}
