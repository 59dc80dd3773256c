{#- The aggregation rule of an indicator, as ONE aggregate expression over monthly totals.
    Used by every figure the product shows: the SQL functions created on-run-end
    (indicator_figure, indicator_figure_by_locality, indicator_series, indicator_breakdown),
    fct_goal_progress and mart_indicator_cutoff_figures (whose dbt unit tests pin each rule).
      sum  (flows):            sum of the monthly totals;
      avg  (monthly averages): average of the monthly totals of the months with data;
      last (stocks):           the monthly total of the last month with data;
      ratio (derived indicators, models/metrics/): the numerator's monthly totals aggregated
        by numerator_rule, divided by the denominator's monthly totals aggregated by
        denominator_rule, times ratio_per (100: a percentage; 1000: a rate per 1.000) — the
        ratio of the period's aggregates, never the average of the monthly ratios.
    Call it in a query grouped by whatever defines one figure (indicator, bucket, locality…),
    over rows that hold one monthly total each. `ratio` names the columns of the parts:
    {numerator, denominator, numerator_rule, denominator_rule, per}; without it a ratio
    indicator's figure is null. -#}
{% macro aggregate_by_rule(rule, value, month, ratio=none) -%}
    case {{ rule }}
        when 'sum' then sum({{ value }})
        when 'avg' then trim_scale(avg({{ value }}))
        when 'last' then (array_agg({{ value }} order by {{ month }} desc))[1]
        {%- if ratio %}
        when 'ratio' then {{ aggregate_ratio(ratio, month) }}
        {%- endif %}
    end
{%- endmacro %}

{#- One part of a ratio (numerator or denominator) aggregated over the period by its own rule
    (sum / avg / last), over rows with one monthly total each; months where the part is null do
    not count (avg) and are skipped (last). -#}
{% macro aggregate_part(rule, value, month) -%}
    case {{ rule }}
        when 'sum' then sum({{ value }})
        when 'avg' then trim_scale(avg({{ value }}))
        when 'last' then (array_agg({{ value }} order by {{ month }} desc)
            filter (where {{ value }} is not null))[1]
    end
{%- endmacro %}

{#- Rule ratio: numerator by its rule ÷ denominator by its rule × per (null when the
    denominator is 0 or missing). -#}
{% macro aggregate_ratio(ratio, month) -%}
    trim_scale(round(
            {{ aggregate_part(ratio.numerator_rule, ratio.numerator, month) }}
            / nullif({{ aggregate_part(ratio.denominator_rule, ratio.denominator, month) }}, 0)
            * {{ ratio.per }},
        10))
{%- endmacro %}
