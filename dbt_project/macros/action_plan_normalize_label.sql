{#- Lower-case, accent-free, single-spaced form of a free-text label (statuses, item kinds,
    ratings), so 'Totalmente ejecutada', 'INICIADA ' and 'totalmente  ejecutada' compare equal.
    Hyphens and underscores count as spaces ('no-iniciada' = 'no iniciada'). -#}
{% macro action_plan_normalize_label(column) -%}
    nullif(
        regexp_replace(
            translate(lower(trim({{ column }})), 'áéíóúüñ_-', 'aeiouun  '),
            '\s+', ' ', 'g'
        ),
        ''
    )
{%- endmacro %}
