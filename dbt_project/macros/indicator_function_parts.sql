{#- The pieces every indicator figure function shares (create_indicator_figure_function.sql):
    the fact and locality filters, the signature, the monthly totals CTE and the rule's output
    columns (through aggregate_by_rule). -#}
{#- The first month a figure over p_from–p_to reads. For a stock (rule last) whose catalogue row
    says it stays valid N months (stock_validity_months), the N-month span ending at p_to: a
    period with no data month shows the latest value still valid (the "latest available value",
    labelled "dato de <month>" because its last_month is before p_from); the rule `last` still
    picks a month inside the period whenever there is one, since those are later. For other rules,
    and N = 1, it is p_from. -#}
{% macro indicator_lookback_start(s) -%}
    least(p_from, (
        select (p_to - make_interval(months => v.stock_validity_months - 1))::date
        from {{ s }}.dim_indicator as v
        where v.indicator_code = p_indicator_code and v.aggregation_rule = 'last'
    ))
{%- endmacro %}

{#- Filter on the fact shared by every function: indicator, total rows, period, entity. -#}
{% macro indicator_fact_filter(s) -%}
    f.indicator_code = p_indicator_code
    and f.period_month between {{ indicator_lookback_start(s) }} and p_to
    and (p_entity_code is null or f.entity_code = p_entity_code)
{%- endmacro %}

{% macro indicator_locality_filter() -%}
    (p_localities is null or cardinality(p_localities) = 0 or f.locality_code = any(p_localities))
{%- endmacro %}

{#- `create function <s>.<name>(code, from, to, <params>) returns table (<leading>, the rule's
    columns, <trailing>) language sql stable`: every function's signature. -#}
{% macro indicator_function_signature(s, name, params, leading, trailing=[]) %}
create function {{ s }}.{{ name }}(
    p_indicator_code text,
    p_from date,
    p_to date,
    {{ params | join(',\n    ') }}
)
returns table (
    {%- for column in leading %}
    {{ column }},
    {%- endfor %}
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
    {%- for column in trailing %},
    {{ column }}
    {%- endfor %}
)
language sql stable
{%- endmacro %}

{#- The CTE body of monthly totals: `keys` (expressions with their aliases), the month and the sum
    of the total rows of the filtered fact, grouped by keys and month. The total rows are read
    from mart_indicator_monthly_totals (fct_indicator_values where is_total, indexed). -#}
{% macro indicator_monthly_totals(s, keys=[], by_localities=true, extra_filter=none) -%}
        select
            {%- for key in keys %}
            {{ key }},
            {%- endfor %}
            f.period_month,
            sum(f.month_value) as month_value,
            sum(f.month_numerator) as month_numerator,
            sum(f.month_denominator) as month_denominator
        from {{ indicator_total_facts(s) }} as f
        where {{ indicator_fact_filter(s) }}
          {%- if by_localities %}
          and {{ indicator_locality_filter() }}
          {%- endif %}
          {%- if extra_filter %}
          and {{ extra_filter }}
          {%- endif %}
        group by {% for position in range(1, keys | length + 2) %}{{ position }}{{ ', ' if not loop.last }}{% endfor %}
{%- endmacro %}

{#- The rule's output columns over a CTE `m` of monthly totals (month_value, and for a ratio
    month_numerator and month_denominator) and the catalogue row `d`. -#}
{% macro indicator_rule_columns() -%}
        d.aggregation_rule,
        {{ aggregate_by_rule('d.aggregation_rule', 'm.month_value', 'm.period_month', ratio_columns('m', 'd')) }},
        count(m.period_month)::integer,
        min(m.period_month),
        max(m.period_month)
{%- endmacro %}

{#- The fact every function reads: fct_indicator_values (every delivery not returned), or with
    p_validated_only the validated deliveries' fct_indicator_values_validated (same columns). -#}
{% macro indicator_facts(s) -%}
(
            select * from {{ s }}.fct_indicator_values where not p_validated_only
            union all
            select * from {{ s }}.fct_indicator_values_validated where p_validated_only
        )
{%- endmacro %}

{#- The total rows the monthly totals read: mart_indicator_monthly_totals (indexed) or, with
    p_validated_only, the total rows of the validated deliveries' fact. -#}
{% macro indicator_total_facts(s) -%}
(
            select indicator_code, entity_code, locality_code, period_month, month_value,
                month_numerator, month_denominator
            from {{ s }}.mart_indicator_monthly_totals where not p_validated_only
            union all
            select indicator_code, entity_code, locality_code, period_month,
                indicator_value as month_value, numerator as month_numerator,
                denominator as month_denominator
            from {{ s }}.fct_indicator_values_validated where p_validated_only and is_total
        )
{%- endmacro %}

{#- The ratio parts for aggregate_by_rule: monthly numerator and denominator of the CTE `m`,
    their rules and ratio_per of the catalogue row `d` (dim_indicator; one row per figure, read
    through min() because the queries group by the rule only). -#}
{% macro ratio_columns(m, d) -%}
{{ return({
    'numerator': m ~ '.month_numerator', 'denominator': m ~ '.month_denominator',
    'numerator_rule': 'min(' ~ d ~ '.numerator_rule)',
    'denominator_rule': 'min(' ~ d ~ '.denominator_rule)',
    'per': 'min(' ~ d ~ '.ratio_per)'}) }}
{%- endmacro %}
