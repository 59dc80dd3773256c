-- Privacy (docs/dominio.md, Privacidad): no published figure of the public view is below the threshold.
-- A derived ratio's quotient may be small: its counts are checked by assert_public_ratio_parts_not_small.
with

public_figures as (
    select * from {{ ref('mart_public_locality_figures') }}
    where aggregation_rule <> 'ratio'
),

final as (
    select public_figure_key, indicator_code, cutoff_code, locality_scope, figure, min_count
    from public_figures
    where not is_suppressed and figure < min_count
)

select * from final
