-- The public face (docs/dominio.md, Hoja de ruta, paso 4): every publishable indicator's figure per cut-off, for the
-- whole district ('todas') and per locality, with small counts suppressed (docs/dominio.md, Privacidad).
-- Every aggregation rule (sum, avg, last) is treated alike: all the catalogue's figures count
-- persons (or services to persons), so a small figure in any of them can point at someone.
--   primary: a locality figure below var('public_min_count') is withheld;
--   complementary: when exactly one locality of an indicator × cut-off is withheld, the smallest
--   remaining locality figure is withheld too, so district total minus the others cannot reveal it.
-- The district total is published unless it is itself below the threshold.
with

figures as (
    select * from {{ ref('mart_indicator_cutoff_figures') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

localities as (
    select * from {{ ref('dim_locality') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

publishable as (
    select
        figures.cutoff_figure_key,
        figures.indicator_code,
        figures.cutoff_code,
        figures.locality_scope,
        figures.aggregation_rule,
        figures.window_start_month,
        figures.window_end_month,
        figures.figure,
        figures.locality_scope = 'todas' as is_district_total,
        coalesce(figures.figure < {{ var('public_min_count', 10) }}, false) as is_primary
    from figures
    inner join indicators
        on indicators.indicator_code = figures.indicator_code
    where indicators.is_publishable
),

primary_counts as (
    select
        indicator_code,
        cutoff_code,
        count(*) filter (where is_primary) as primary_localities
    from publishable
    where not is_district_total
    group by indicator_code, cutoff_code
),

complementary as (
    -- the smallest published locality figure, where exactly one locality was withheld
    select distinct on (publishable.indicator_code, publishable.cutoff_code)
        publishable.cutoff_figure_key
    from publishable
    inner join primary_counts
        on primary_counts.indicator_code = publishable.indicator_code
        and primary_counts.cutoff_code = publishable.cutoff_code
    where primary_counts.primary_localities = 1
        and not publishable.is_district_total
        and not publishable.is_primary
        and publishable.figure is not null
    order by
        publishable.indicator_code, publishable.cutoff_code,
        publishable.figure, publishable.locality_scope
),

flagged as (
    select
        publishable.*,
        case
            when publishable.is_primary then 'primaria'
            when complementary.cutoff_figure_key is not null then 'complementaria'
        end as suppression_reason
    from publishable
    left join complementary
        on complementary.cutoff_figure_key = publishable.cutoff_figure_key
),

final as (
    select
        flagged.cutoff_figure_key as public_figure_key,
        flagged.indicator_code,
        indicators.indicator_name,
        indicators.unit,
        flagged.aggregation_rule,
        flagged.window_start_month,
        flagged.window_end_month,
        indicators.sort_order as indicator_sort_order,
        flagged.cutoff_code,
        cutoffs.cutoff_name,
        cutoffs.sort_order::integer as cutoff_sort_order,
        flagged.locality_scope,
        flagged.is_district_total,
        case when flagged.is_district_total then 'Todo el Distrito'
            else localities.locality_name
        end as locality_name,
        case when flagged.is_district_total then 'total' else localities.locality_kind
        end as locality_kind,
        case when flagged.is_district_total then -1 else localities.sort_order
        end as locality_sort_order,
        case when flagged.suppression_reason is null then flagged.figure end as figure,
        flagged.suppression_reason is not null as is_suppressed,
        flagged.suppression_reason,
        {{ var('public_min_count', 10) }}::integer as min_count
    from flagged
    inner join indicators
        on indicators.indicator_code = flagged.indicator_code
    left join localities
        on localities.locality_code = flagged.locality_scope
    left join cutoffs
        on cutoffs.cutoff_code = flagged.cutoff_code
)

select * from final
