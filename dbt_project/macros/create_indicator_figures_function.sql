{#- indicator_figures(codes[], froms[], tos[], localities, entity, validated_only): many
    indicator_figure calls in one round trip, one row per (code, window) in the order given, for
    pages that show many cards (Resumen: every headline card's figure in one call, and the
    figures it is compared with in a second). It wraps indicator_figure (it does not repeat its
    rule), so whatever rule indicator_figure applies applies here too. A code outside the catalogue
    returns no row.

    Its BEGIN ATOMIC body depends on indicator_figure, which create_indicator_figure_function drops
    and recreates on every run: drop_indicator_figures_function runs before it (on-run-end) and
    create_indicator_figures_function after it. -#}
{% macro drop_indicator_figures_function() %}
{%- set s = var('marts_schema', 'marts') -%}
drop function if exists {{ s }}.indicator_figures(text[], date[], date[], text[], text, boolean);
{% endmacro %}

{% macro create_indicator_figures_function() %}
{%- set s = var('marts_schema', 'marts') -%}
{%- set wrapped = s ~ '.indicator_figure(text, date, date, text[], text, boolean)' -%}
{%- set found = run_query("select to_regprocedure('" ~ wrapped ~ "') is not null") if execute else none -%}
{%- if not (found and found.columns[0].values()[0]) -%}
select 'indicator_figures not created: {{ wrapped }} does not exist' as skipped
{%- else -%}
drop function if exists {{ s }}.indicator_figures(text[], date[], date[], text[], text, boolean);
create function {{ s }}.indicator_figures(
    p_indicator_codes text[],
    p_from date[],
    p_to date[],
    p_localities text[] default null,
    p_entity_code text default null,
    p_validated_only boolean default false
)
returns table (
    indicator_code text,
    window_from date,
    window_to date,
    aggregation_rule text,
    figure numeric,
    months_with_data integer,
    first_month date,
    last_month date
)
language sql stable
begin atomic
    select
        w.indicator_code,
        w.window_from,
        w.window_to,
        f.aggregation_rule,
        f.figure,
        f.months_with_data,
        f.first_month,
        f.last_month
    from unnest(p_indicator_codes, p_from, p_to)
        with ordinality as w (indicator_code, window_from, window_to, position)
    cross join lateral {{ s }}.indicator_figure(
        w.indicator_code, w.window_from, w.window_to, p_localities, p_entity_code,
        p_validated_only
    ) as f
    order by w.position;
end;
{%- endif %}
{% endmacro %}
