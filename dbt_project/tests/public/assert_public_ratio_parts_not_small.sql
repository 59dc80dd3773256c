-- Privacy (docs/dominio.md, Privacidad): a derived ratio (rule ratio) is published only where
-- both its counts — the numerator and the denominator over the cut-off's window — reach the
-- threshold t; a row here is a published ratio with a part below t.
with

public_figures as (
    select * from {{ ref('mart_public_locality_figures') }}
),

source_figures as (
    select * from {{ ref('mart_indicator_cutoff_figures_validated') }}
),

final as (
    select
        public_figures.public_figure_key,
        public_figures.indicator_code,
        public_figures.cutoff_code,
        public_figures.locality_scope,
        source_figures.numerator_figure,
        source_figures.denominator_figure,
        public_figures.min_count
    from public_figures
    inner join source_figures
        on source_figures.cutoff_figure_key = public_figures.public_figure_key
    where public_figures.aggregation_rule = 'ratio'
        and not public_figures.is_suppressed
        and (source_figures.numerator_figure < public_figures.min_count
            or source_figures.denominator_figure < public_figures.min_count)
)

select * from final
