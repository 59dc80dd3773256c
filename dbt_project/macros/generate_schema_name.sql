{#- Use the folder's schema name as is (reference, staging, marts…), not "<target>_<name>":
    runs are isolated by database, not by schema prefix. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
