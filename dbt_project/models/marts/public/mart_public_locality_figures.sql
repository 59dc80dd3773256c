-- The public face (docs/dominio.md, Privacidad): every publishable indicator's figure per
-- cut-off, for the whole district ('todas') and per locality, with small counts suppressed.
-- Every aggregation rule (sum, avg, last) is treated alike: all the catalogue's figures count
-- persons (or services to persons), so a small figure in any of them can point at someone. A
-- derived ratio is suppressed on its numerator's and its denominator's counts (see
-- suppression_parts).
-- The suppression itself is the macro public_suppression (its header spells out the rule):
--   primary: a figure below var('public_min_count') = t is withheld ('primaria');
--   complementary: with the primary ones, the fewest smallest other localities are withheld
--   ('complementaria') so that an attacker who knows the district total T, every published
--   figure, t, which cells are withheld and why (the page does not say why for the district
--   total) and this rule, and who bounds each withheld cell by the others (they add up to T
--   minus the published ones), is still left with at least t possible values for every
--   withheld cell; if no choice does, every locality and T are withheld. T < t is withheld
--   too ('primaria'), and then so is every locality.
-- Out of the model: replaying the choice itself (that fewer complementary cells did not
-- suffice) and combining tables (other cut-offs, other indicators, the internal pages).
with

figures as (
    select * from {{ ref('mart_indicator_cutoff_figures_validated') }}
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
        figures.numerator_figure,
        figures.denominator_figure,
        figures.locality_scope = 'todas' as is_district_total,
        {{ var('public_min_count', 10) }}::integer as min_count
    from figures
    inner join indicators
        on indicators.indicator_code = figures.indicator_code
    where indicators.is_publishable
),

-- A derived ratio (rule ratio) is suppressed on its counts, not on the quotient: its
-- numerator and its denominator are each a table of their own (part keys), suppressed by the
-- same rule; the ratio is withheld where either part is ('primaria' when either part's cell is
-- primary). Other rules: the figure itself.
suppression_parts as (
    select cutoff_figure_key || ':figura' as cutoff_figure_key, cutoff_figure_key as cell_key,
        indicator_code, cutoff_code, locality_scope, is_district_total, figure, min_count
    from publishable
    where aggregation_rule <> 'ratio'
    union all
    select cutoff_figure_key || ':numerador', cutoff_figure_key,
        indicator_code || ':numerador', cutoff_code, locality_scope, is_district_total,
        numerator_figure, min_count
    from publishable
    where aggregation_rule = 'ratio'
    union all
    select cutoff_figure_key || ':denominador', cutoff_figure_key,
        indicator_code || ':denominador', cutoff_code, locality_scope, is_district_total,
        denominator_figure, min_count
    from publishable
    where aggregation_rule = 'ratio'
),

suppression_by_part as (
    {{ public_suppression('suppression_parts') }}
),

suppression as (
    select
        suppression_parts.cell_key as cutoff_figure_key,
        case
            when bool_or(suppression_by_part.suppression_reason = 'primaria') then 'primaria'
            when bool_or(suppression_by_part.suppression_reason is not null)
                then 'complementaria'
        end as suppression_reason
    from suppression_parts
    inner join suppression_by_part
        on suppression_by_part.cutoff_figure_key = suppression_parts.cutoff_figure_key
    group by suppression_parts.cell_key
),

flagged as (
    select
        publishable.*,
        suppression.suppression_reason
    from publishable
    inner join suppression
        on suppression.cutoff_figure_key = publishable.cutoff_figure_key
),

final as (
    select
        flagged.cutoff_figure_key as public_figure_key,
        flagged.indicator_code,
        indicators.indicator_name,
        indicators.unit,
        flagged.aggregation_rule,
        indicators.ratio_per,
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
        flagged.min_count
    from flagged
    inner join indicators
        on indicators.indicator_code = flagged.indicator_code
    left join localities
        on localities.locality_code = flagged.locality_scope
    left join cutoffs
        on cutoffs.cutoff_code = flagged.cutoff_code
)

select * from final
