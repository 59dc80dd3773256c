{#- Upper-case code without spaces, so ' uta 1 ', 'UTA1' and 'Uta 1' all read 'UTA1'
    and ' 2024-c1' reads '2024-C1'. -#}
{% macro action_plan_normalize_code(column) -%}
    nullif(regexp_replace(upper(trim({{ column }})), '\s+', '', 'g'), '')
{%- endmacro %}
