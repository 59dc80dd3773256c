{#- The aggregation rule of an indicator, as ONE aggregate expression over monthly totals.
    Used by every figure the product shows: the SQL functions created on-run-end
    (indicator_figure, indicator_figure_by_locality, indicator_series, indicator_breakdown),
    fct_goal_progress and mart_indicator_cutoff_figures (whose dbt unit tests pin each rule).
      sum  (flows):            sum of the monthly totals;
      avg  (monthly averages): average of the monthly totals of the months with data;
      last (stocks):           the monthly total of the last month with data.
    Call it in a query grouped by whatever defines one figure (indicator, bucket, locality…),
    over rows that hold one monthly total each. -#}
{% macro aggregate_by_rule(rule, value, month) -%}
    case {{ rule }}
        when 'sum' then sum({{ value }})
        when 'avg' then trim_scale(avg({{ value }}))
        when 'last' then (array_agg({{ value }} order by {{ month }} desc))[1]
    end
{%- endmacro %}
