{#- Use the folder's schema name as is (reference, staging, marts…), not "<target>_<name>":
    runs are isolated by database, not by schema prefix. The marts schema can be redirected with
    --vars '{marts_schema: marts_next}' so a build lands beside the marts in service and is
    swapped in only when it passes (warehouse/dbt_runner.py). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}
    {%- elif custom_schema_name | trim == 'marts' -%}{{ var('marts_schema', 'marts') }}
    {%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
