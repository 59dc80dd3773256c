{#- indicator_rate(code, from, to, localities = null, entity = null): indicator_figure (same
    arguments, same rule, same window) per 1.000 inhabitants of the figure's own year — the year
    of its last data month (for a stock's latest available value, the year that value is from) —
    from mart_population_by_year: the district ('todas') when no locality is chosen, else the sum
    of the chosen localities' populations (Distrito '00' and unknown '99' have none). One row:
    indicator_code, aggregation_rule, figure, last_month, population_year, population,
    rate_per_1000 (null without a figure or a population, and for a ratio indicator). Created by
    create_indicator_figure_function, after indicator_figure, on which its body depends. -#}
{% macro indicator_rate_function_sql(s) %}
create function {{ s }}.indicator_rate(
    p_indicator_code text,
    p_from date,
    p_to date,
    p_localities text[] default null,
    p_entity_code text default null
)
returns table (
    indicator_code text,
    aggregation_rule text,
    figure numeric,
    last_month date,
    population_year integer,
    population bigint,
    rate_per_1000 double precision
)
language sql stable
begin atomic
    with figure as (
        select f.indicator_code, f.aggregation_rule, f.figure, f.last_month,
            extract(year from coalesce(f.last_month, p_to))::integer as population_year
        from {{ s }}.indicator_figure(
            p_indicator_code, p_from, p_to, p_localities, p_entity_code
        ) as f
    ),
    denominator as (
        select sum(py.population)::bigint as population
        from figure
        inner join {{ s }}.mart_population_by_year as py
            on py.population_year = figure.population_year
        where (
            (p_localities is null or cardinality(p_localities) = 0)
            and py.scope_code = 'todas'
        ) or py.scope_code = any(p_localities)
    )
    select
        figure.indicator_code,
        figure.aggregation_rule,
        figure.figure,
        figure.last_month,
        figure.population_year,
        denominator.population,
        case when figure.aggregation_rule <> 'ratio' then
            figure.figure::double precision
                / nullif(denominator.population, 0)::double precision * 1000
        end
    from figure
    cross join denominator;
end;
{% endmacro %}
