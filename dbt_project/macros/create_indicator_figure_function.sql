{#- Creates, after every dbt run/build/seed (on-run-end), the SQL functions through which the
    app, the CLI and the tests ask for rule-aware figures. All of them apply the indicator's rule
    with the macro aggregate_by_rule over monthly totals; monthly totals add the selected
    localities' total rows (all localities, Distrito included, when none are given):
      indicator_figure(code, from, to, localities, entity)           one figure;
      indicator_figure_by_locality(code, from, to, entity)           one row per locality with data,
        with the figure per 1.000 inhabitants of the figure's own year (the year of its last
        data month, mart_population_by_year) and its rank among localities;
      indicator_series(code, from, to, localities, grain, entity)    one row per month/quarter/year;
      indicator_breakdown(code, from, to, localities, dimension, entity)  one row per sex or age group;
      indicator_rate(code, from, to, localities, entity)             indicator_figure per 1.000
        inhabitants of its own year (create_indicator_rate_function.sql).
    A derived indicator of rule ratio (models/metrics/) reads its monthly numerator and
    denominator beside month_value and is divided after the period's aggregation
    (aggregate_by_rule); it has no rate per 1.000 inhabitants (it is a ratio already).
    Each takes a last argument p_validated_only (default false): true reads the validated
    deliveries only (fct_indicator_values_validated), the «solo validados» switch.
    They live in var('marts_schema') beside the marts and are SQL-standard bodies (BEGIN ATOMIC):
    PostgreSQL binds them to the tables by OID, so when a build into a side schema (marts_next) is
    renamed into `marts`, the functions move with their tables and keep working. Such bodies are
    checked at creation, so they are created only when the marts they read exist (`dbt seed` alone
    creates nothing and does not fail). The pieces every function shares are the small macros
    of indicator_function_parts.sql: the signature (indicator_function_signature), the monthly totals CTE
    (indicator_monthly_totals) and the rule's output columns (indicator_rule_columns). -#}
{% macro create_indicator_figure_function() %}
{%- set s = var('marts_schema', 'marts') -%}
{%- set missing = missing_relations(s, ['fct_indicator_values', 'fct_indicator_values_validated', 'mart_indicator_monthly_totals', 'dim_indicator', 'dim_locality', 'dim_period', 'mart_population_by_year']) -%}
{%- if missing -%}
select 'indicator figure functions not created: missing {{ s }}.{{ missing | join(", ") }}' as skipped
{%- else -%}
drop function if exists {{ s }}.indicator_rate(text, date, date, text[], text);
drop function if exists {{ s }}.indicator_figure(text, date, date, text[]);
drop function if exists {{ s }}.indicator_figure(text, date, date, text[], text);
drop function if exists {{ s }}.indicator_figure_by_locality(text, date, date, text);
drop function if exists {{ s }}.indicator_series(text, date, date, text[], text, text);
drop function if exists {{ s }}.indicator_breakdown(text, date, date, text[], text, text);
drop function if exists {{ s }}.indicator_figure(text, date, date, text[], text, boolean);
drop function if exists {{ s }}.indicator_figure_by_locality(text, date, date, text, boolean);
drop function if exists {{ s }}.indicator_series(text, date, date, text[], text, text, boolean);
drop function if exists {{ s }}.indicator_breakdown(text, date, date, text[], text, text, boolean);
{{ indicator_figure_function_sql(s) }}
{{ indicator_figure_by_locality_function_sql(s) }}
{{ indicator_series_function_sql(s) }}
{{ indicator_breakdown_function_sql(s) }}
{{ indicator_rate_function_sql(s) }}
{%- endif %}
{% endmacro %}

{% macro indicator_figure_function_sql(s) %}
{{ indicator_function_signature(s, 'indicator_figure',
    ['p_localities text[] default null', 'p_entity_code text default null', 'p_validated_only boolean default false'],
    ['indicator_code text']) }}
begin atomic
    with monthly as (
{{ indicator_monthly_totals(s) }}
    )
    select
        d.indicator_code,
{{ indicator_rule_columns() }}
    from {{ s }}.dim_indicator as d
    left join monthly as m on true
    where d.indicator_code = p_indicator_code
    group by d.indicator_code, d.aggregation_rule;
end;
{% endmacro %}

{#- Per locality with data: the figure, and for the 20 localities (is_locality) the figure per
    1.000 inhabitants of the figure's own year (population_year = the year of its last data
    month; population_2024 is kept for the profile) and its rank (1 = highest, ties share the lowest place) among the
    localities with a figure, out of ranked_localities. -#}
{% macro indicator_figure_by_locality_function_sql(s) %}
{{ indicator_function_signature(s, 'indicator_figure_by_locality',
    ['p_entity_code text default null', 'p_validated_only boolean default false'],
    ['locality_code text', 'locality_name text'],
    ['population_2024 bigint', 'rate_per_1000 double precision', 'locality_rank integer',
     'ranked_localities integer', 'population_year integer', 'population bigint']) }}
begin atomic
    with monthly as (
{{ indicator_monthly_totals(s, ['f.locality_code'], by_localities=false) }}
    ),
    figures (
        locality_code, locality_name, sort_order, population_2024, is_locality,
        aggregation_rule, figure, months_with_data, first_month, last_month
    ) as (
        select
            m.locality_code,
            l.locality_name,
            l.sort_order,
            l.population_2024,
            l.is_locality,
{{ indicator_rule_columns() }}
        from monthly as m
        inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
        inner join {{ s }}.dim_locality as l on l.locality_code = m.locality_code
        group by
            m.locality_code, l.locality_name, l.sort_order, l.population_2024, l.is_locality,
            d.aggregation_rule
    ),
    located as (
        select
            figures.*,
            figures.is_locality and figures.figure is not null as is_ranked,
            py.population_year,
            py.population
        from figures
        left join {{ s }}.mart_population_by_year as py
            on py.scope_code = figures.locality_code
            and py.population_year = extract(year from figures.last_month)::integer
    )
    select
        located.locality_code,
        located.locality_name,
        located.aggregation_rule,
        located.figure,
        located.months_with_data,
        located.first_month,
        located.last_month,
        located.population_2024,
        case when located.aggregation_rule <> 'ratio' then
            located.figure::double precision
                / nullif(located.population, 0)::double precision * 1000
        end,
        case when located.is_ranked then (
            rank() over (partition by located.is_ranked order by located.figure desc)
        )::integer end,
        case when located.is_ranked then (
            count(*) over (partition by located.is_ranked)
        )::integer end,
        located.population_year,
        located.population
    from located
    order by located.sort_order;
end;
{% endmacro %}

{% macro indicator_series_function_sql(s) %}
{{ indicator_function_signature(s, 'indicator_series',
    ['p_localities text[] default null', "p_grain text default 'month'", 'p_entity_code text default null', 'p_validated_only boolean default false'],
    ['bucket_month date', 'bucket_label text']) }}
begin atomic
    with read_months as (
{{ indicator_monthly_totals(s, ['date_trunc(p_grain, f.period_month)::date as bucket_month'],
    extra_filter="p_grain in ('month', 'quarter', 'year')") }}
    ),
    {#- a month before p_from (a stock's lookback, indicator_lookback_start) is kept only when it
        is the latest month read, i.e. the period has no data month: the series then shows the
        latest available value at its own month, where the card's "dato de …" says it is -#}
    monthly as (
        select r.* from read_months as r
        where r.period_month >= p_from
           or r.period_month = (select max(l.period_month) from read_months as l)
    )
    select
        m.bucket_month,
        case p_grain
            when 'month' then p.month_label
            when 'quarter' then p.quarter_label
            else p.period_year::text
        end,
{{ indicator_rule_columns() }}
    from monthly as m
    inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
    inner join {{ s }}.dim_period as p on p.period_month = m.bucket_month
    group by m.bucket_month, p.month_label, p.quarter_label, p.period_year, d.aggregation_rule
    order by m.bucket_month;
end;
{% endmacro %}

{#- One row per sex or age-group category: only rows disaggregated by that dimension alone. -#}
{% macro indicator_breakdown_function_sql(s) %}
{{ indicator_function_signature(s, 'indicator_breakdown',
    ['p_localities text[] default null', "p_dimension text default 'sex'", 'p_entity_code text default null', 'p_validated_only boolean default false'],
    ['category text']) }}
begin atomic
    with rows_of_dimension as (
        select
            case when p_dimension = 'sex' then f.sex else f.age_group end as category,
            f.period_month,
            f.indicator_value,
            f.numerator,
            f.denominator
        from {{ indicator_facts(s) }} as f
        where {{ indicator_fact_filter(s) }}
          and {{ indicator_locality_filter() }}
          and (
              (p_dimension = 'sex' and f.sex <> 'total' and f.age_group = 'total')
              or (p_dimension = 'age_group' and f.age_group <> 'total' and f.sex = 'total')
          )
    ),
    monthly as (
        select r.category, r.period_month, sum(r.indicator_value) as month_value,
            sum(r.numerator) as month_numerator, sum(r.denominator) as month_denominator
        from rows_of_dimension as r
        group by r.category, r.period_month
    )
    select
        m.category,
{{ indicator_rule_columns() }}
    from monthly as m
    inner join {{ s }}.dim_indicator as d on d.indicator_code = p_indicator_code
    group by m.category, d.aggregation_rule
    order by m.category;
end;
{% endmacro %}
