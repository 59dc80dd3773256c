{#- The names of `names` that do not exist as relations in `schema` (empty at parse time).
    The on-run-end function macros create their SQL functions only when the marts they read
    exist, so a bare `dbt seed` creates nothing and does not fail. -#}
{% macro missing_relations(schema, names) %}
{%- set missing = [] -%}
{%- if execute -%}
    {%- for name in names -%}
        {%- if adapter.get_relation(database=target.database, schema=schema, identifier=name) is none -%}
            {%- do missing.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}
{{ return(missing) }}
{% endmacro %}
