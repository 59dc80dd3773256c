{#- Lower-case, accent-free, single-spaced form of a locality spelling, to match the alias seed
    (locality_aliases.alias_normalized is written in the same form). -#}
{% macro normalize_locality(column) -%}
    nullif(
        regexp_replace(
            translate(lower(trim({{ column }})), 'áéíóúüñ_-', 'aeiouun  '),
            '\s+', ' ', 'g'
        ),
        ''
    )
{%- endmacro %}
