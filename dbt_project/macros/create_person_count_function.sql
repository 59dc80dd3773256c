{#- Creates, after every dbt run/build/seed (on-run-end), the SQL function through which the app,
    the CLI and the tests ask for distinct persons over a period:
      person_count(code, from, to, localities text[] = null, entity text = null)
    → one row (indicator_code, distinct_persons, person_months, months_with_data, first_month,
    last_month) for any catalogue indicator (zeros and nulls when it has no person-level data).
    distinct_persons counts each pseudonym once across the months and the selected localities
    (all when none are given); person_months is the sum of the monthly distinct counts. The
    aggregate is the macro person_period_counts, shared with mart_person_cutoff_counts.
    Like indicator_figure (create_indicator_figure_function.sql) it is an SQL-standard body
    (BEGIN ATOMIC) in var('marts_schema') beside the marts it reads, so PostgreSQL binds it to
    them by OID and it moves with them when marts_next is renamed to marts; it is created only
    when those marts exist. -#}
{% macro create_person_count_function() %}
{%- set s = var('marts_schema', 'marts') -%}
{%- set missing = missing_relations(s, ['fct_person_months', 'dim_indicator']) -%}
{%- if missing -%}
select 'person count function not created: missing {{ s }}.{{ missing | join(", ") }}' as skipped
{%- else -%}
drop function if exists {{ s }}.person_count(text, date, date, text[], text);
create function {{ s }}.person_count(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null,
    p_entity_code text default null
)
returns table (
    indicator_code text,
    distinct_persons integer,
    person_months integer,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    select
        d.indicator_code,
        {{ person_period_counts('p.person_pseudonym', 'p.period_month') }}
    from {{ s }}.dim_indicator as d
    left join {{ s }}.fct_person_months as p
        on p.indicator_code = d.indicator_code
        and p.period_month between p_from and p_to
        and (p_entity_code is null or p.entity_code = p_entity_code)
        and (
            p_localities is null
            or cardinality(p_localities) = 0
            or p.locality_code = any(p_localities)
        )
    where d.indicator_code = p_indicator_code
    group by d.indicator_code;
end;
{%- endif %}
{% endmacro %}
