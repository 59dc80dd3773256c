{#- Aggregates over person-month rows (one row per indicator × entity × locality × month ×
    pseudonym, e.g. fct_person_months) of one period. Distinct persons do not add up over months
    or localities (docs/dominio.md, Personas distintas): a person served in January and March, or in two localities, counts
    once. person_months is the sum of the monthly distinct counts (a person once per month even
    if served in two localities that month), shown beside it to make the difference visible.
    Shared by mart_person_cutoff_counts (where its unit test pins it) and the SQL function
    person_count. The month and pseudonym are joined as text, not as a row, so that the null row of
    an outer join counts zero. -#}
{% macro person_period_counts(pseudonym, month) -%}
    count(distinct {{ pseudonym }})::integer as distinct_persons,
    count(distinct {{ month }}::text || '|' || {{ pseudonym }})::integer as person_months,
    count(distinct {{ month }})::integer as months_with_data,
    min({{ month }}) as first_month,
    max({{ month }}) as last_month
{%- endmacro %}
