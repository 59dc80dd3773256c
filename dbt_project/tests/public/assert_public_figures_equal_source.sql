-- Every publishable indicator × cut-off × locality scope of mart_indicator_cutoff_figures is in
-- the public view, and every published figure equals its source figure.
with

source_figures as (
    select * from {{ ref('mart_indicator_cutoff_figures_validated') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

public_figures as (
    select * from {{ ref('mart_public_locality_figures') }}
),

expected as (
    select source_figures.*
    from source_figures
    inner join indicators
        on indicators.indicator_code = source_figures.indicator_code
    where indicators.is_publishable
),

final as (
    select expected.cutoff_figure_key, expected.figure as source_figure, public_figures.figure
    from expected
    left join public_figures
        on public_figures.public_figure_key = expected.cutoff_figure_key
    where public_figures.public_figure_key is null
        or (not public_figures.is_suppressed and public_figures.figure <> expected.figure)
)

select * from final
