{#- Derived indicators written by a data team as dbt models (models/metrics/metric_<code in
    lower case>.sql, docs/agregar_indicador.md): collected without any edit elsewhere.

    dbt records a model's dependencies when it parses it, before `graph` exists, so a union
    that finds its models in `graph.nodes` alone cannot ref() them. The names therefore come
    from the environment variable TABLERO_METRIC_MODELS, which warehouse/dbt_runner.py sets to
    the file names of models/metrics/metric_*.sql (every `tablero build` / `tablero dbt`); at
    execution the list is checked against the graph (every model whose fqn contains 'metrics'),
    so a dbt run outside `tablero` stops with a clear error instead of leaving a metric out. -#}
{% macro metric_model_names() -%}
    {%- set names = [] -%}
    {%- for name in env_var('TABLERO_METRIC_MODELS', '').split(',') -%}
        {%- if name | trim -%}{%- do names.append(name | trim) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(names | sort) }}
{%- endmacro %}

{#- The models of the metrics folder, from dbt's graph (execution time only). -#}
{% macro metric_nodes() -%}
    {%- set nodes = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and 'metrics' in node.fqn -%}
                {%- do nodes.append(node) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(nodes | sort(attribute='name')) }}
{%- endmacro %}

{#- union all of every metric model, with its indicator code (the model name without
    'metric_', upper case) — int_metric_values. -#}
{% macro union_metric_models() -%}
    {%- set names = metric_model_names() -%}
    {%- if execute -%}
        {%- set in_graph = metric_nodes() | map(attribute='name') | list -%}
        {%- if in_graph != names -%}
            {{ exceptions.raise_compiler_error(
                "models/metrics has " ~ (in_graph | join(', ') or 'no model') ~ " but "
                ~ "TABLERO_METRIC_MODELS lists " ~ (names | join(', ') or 'none')
                ~ ": run dbt through `tablero build` or `tablero dbt …` (warehouse/dbt_runner.py sets it)") }}
        {%- endif -%}
    {%- endif -%}
    {%- for name in names %}
    select
        '{{ name }}'::text as metric_model,
        '{{ name[7:] | upper }}'::text as indicator_code,
        chain::text as chain,
        locality_code::text as locality_code,
        period_month::date as period_month,
        value::numeric as value,
        numerator::numeric as numerator,
        denominator::numeric as denominator
    from {{ ref(name) }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {%- if not names %}
    select
        null::text as metric_model, null::text as indicator_code, null::text as chain,
        null::text as locality_code, null::date as period_month, null::numeric as value,
        null::numeric as numerator, null::numeric as denominator
    where false
    {%- endif %}
{%- endmacro %}

{#- Each metric model's description (its formula, written out for people) and declared inputs
    (meta.inputs: indicator codes, or models such as mart_population_by_year), from the graph:
    rows (metric_model, formula) for dim_indicator. -#}
{% macro metric_formulas() -%}
    {%- set nodes = metric_nodes() -%}
    select * from (values
        {%- for node in nodes %}
        ('{{ node.name }}'::text, {{ dbt.string_literal(dbt.escape_single_quotes(node.description | trim)) }}::text){{ ',' if not loop.last }}
        {%- endfor %}
        {%- if not nodes %}(null::text, null::text){% endif %}
    ) as formulas (metric_model, formula)
    where metric_model is not null
{%- endmacro %}

{#- Rows (metric_model, input_code, input_kind, is_read_by_model) of every input declared in a
    metric model's meta.inputs: an indicator code (input_kind 'indicador'; read by the model when
    its SQL names it in quotes) or a dbt model (input_kind 'modelo'; read when the model's
    dependencies in the graph include it). -#}
{% macro metric_declared_inputs() -%}
    {%- set rows = [] -%}
    {%- for node in metric_nodes() -%}
        {%- set meta = node.config.get('meta', {}) or node.get('meta', {}) -%}
        {%- for input in meta.get('inputs', []) -%}
            {%- set model_id = 'model.' ~ node.package_name ~ '.' ~ input -%}
            {%- if model_id in graph.nodes -%}
                {%- do rows.append((node.name, input, 'modelo', model_id in node.depends_on.nodes)) -%}
            {%- else -%}
                {%- do rows.append((node.name, input, 'indicador', ("'" ~ input ~ "'") in node.raw_code)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    select * from (values
        {%- for row in rows %}
        ('{{ row[0] }}'::text, '{{ row[1] }}'::text, '{{ row[2] }}'::text, {{ 'true' if row[3] else 'false' }}){{ ',' if not loop.last }}
        {%- endfor %}
        {%- if not rows %}(null::text, null::text, null::text, null::boolean){% endif %}
    ) as inputs (metric_model, input_code, input_kind, is_read_by_model)
    where metric_model is not null
{%- endmacro %}
