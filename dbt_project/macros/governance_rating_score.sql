{#- Score of one maturity rating on the project's 0–1 scale: completo 1, parcial 0,5,
    ausente 0 (the IOM MGI rate each indicator as absent / partial / complete). -#}
{% macro governance_rating_score(rating_column) -%}
    case {{ rating_column }}
        when 'completo' then 1
        when 'parcial' then 0.5
        when 'ausente' then 0
    end::numeric
{%- endmacro %}
