{#- Small-count suppression of the public view (mart_public_locality_figures; docs/dominio.md,
    Privacidad; docs/architecture.md, Public view): one SELECT giving, for every row of the
    relation `cells`, its suppression_reason ('primaria', 'complementaria' or null = published).
    A macro so that tests/test_suppression_property.py runs this very SQL over generated tables.

    `cells` has one row per indicator × cut-off × locality scope with the columns
    cutoff_figure_key, indicator_code, cutoff_code, locality_scope, is_district_total, figure and
    min_count (the threshold t, constant within an indicator × cut-off). Within one indicator ×
    cut-off (a "table"): T = the district figure, the locality figures below t are primary, the
    others, ascending, are v_1 <= v_2 <= ... <= v_q.

    Attacker model (docs/architecture.md): the attacker sees the public page: T when published,
    every published locality figure, t, which localities are withheld and why ('< 10' primary,
    'reservada' complementary; a withheld district total reads 'reservada' whatever the reason).
    They assume the withheld localities add up to R = T - sum(published) (equality: the worst
    case, even if some rows of T have no locality), that a primary cell lies in [0, t-1] and,
    knowing this rule, that a complementary cell lies in [t, m-1], m = the smallest published
    locality (complementary cells are the smallest non-primary ones and ties at the boundary are
    withheld together, so they are strictly below m; without a published locality the bound is R).
    Bounding each withheld cell by the others (lo_i = max(own_lo, R - sum_{j<>i} hi_j),
    hi_i = min(own_hi, R - sum_{j<>i} lo_j), exact for a box under one sum), every withheld
    cell's feasible range must hold at least t values: hi - lo >= t - 1; for a primary cell, the
    whole of [0, t-1]. Averages are not whole numbers: [0, t-1] and [t, m-1] are then narrower
    than what the attacker really knows ([0, t) and [t, m)), which only errs on the safe side.

    Rule: withhold the primary cells and the k smallest non-primary ones (complementary), with
    the smallest k (k = 0, or a k where v_k < v_{k+1}, or k = q) for which every withheld cell
    passes; a lone withheld cell never passes (it is T minus the rest). Bounds depend only on the
    class of a cell (primary / complementary), R, k, the number p of primary cells and m, so
    every k is tried at once with running sums. If none passes, or T < t, every locality is
    withheld and so is T (then R is unknown: primary cells keep [0, t-1], complementary ones
    [t, ∞)). tests/public/assert_public_suppression_ranges_wide_enough.sql re-derives the
    ranges from the published mart alone. -#}
{% macro public_suppression(cells) -%}
with

suppression_cells as (
    select * from {{ cells }}
),

suppression_localities as (
    select
        cutoff_figure_key,
        indicator_code,
        cutoff_code,
        locality_scope,
        figure,
        min_count,
        figure < min_count as is_primary
    from suppression_cells
    where not is_district_total
        and figure is not null
),

suppression_tables as (
    -- one row per indicator × cut-off: T, t, p, and the sum of the non-primary figures
    select
        suppression_cells.indicator_code,
        suppression_cells.cutoff_code,
        max(suppression_cells.min_count) as min_count,
        max(suppression_cells.figure) filter (where suppression_cells.is_district_total)
            as district_figure,
        count(suppression_localities.cutoff_figure_key)
            filter (where suppression_localities.is_primary) as primary_cells,
        coalesce(
            sum(suppression_localities.figure) filter (where not suppression_localities.is_primary),
            0
        ) as non_primary_sum
    from suppression_cells
    left join suppression_localities
        on suppression_localities.cutoff_figure_key = suppression_cells.cutoff_figure_key
    group by suppression_cells.indicator_code, suppression_cells.cutoff_code
),

suppression_ranked as (
    -- the non-primary localities ascending: position k, running sum S_k, next figure v_{k+1}
    select
        indicator_code,
        cutoff_code,
        cutoff_figure_key,
        figure,
        row_number() over ascending as position,
        sum(figure) over ascending as running_sum,
        lead(figure) over ascending as next_figure
    from suppression_localities
    where not is_primary
    window ascending as (
        partition by indicator_code, cutoff_code
        order by figure, locality_scope
        rows between unbounded preceding and current row
    )
),

suppression_candidates as (
    -- k = 0 (primary cells only), then every k at a strict step of the ascending figures or at q
    select
        suppression_tables.indicator_code,
        suppression_tables.cutoff_code,
        0::bigint as k,
        0::numeric as withheld_sum,
        suppression_ranked.figure as smallest_published
    from suppression_tables
    left join suppression_ranked
        on suppression_ranked.indicator_code = suppression_tables.indicator_code
        and suppression_ranked.cutoff_code = suppression_tables.cutoff_code
        and suppression_ranked.position = 1
    union all
    select
        indicator_code,
        cutoff_code,
        position as k,
        running_sum as withheld_sum,
        next_figure as smallest_published
    from suppression_ranked
    where next_figure is null or figure < next_figure
),

suppression_bounds as (
    -- the attacker's view of candidate k: R, the own upper bound of a complementary cell, and
    -- the feasible range of each class of withheld cell
    select
        candidates.indicator_code,
        candidates.cutoff_code,
        candidates.k,
        tables.min_count,
        tables.district_figure,
        tables.primary_cells as p,
        tables.primary_cells + candidates.k as withheld_cells,
        tables.district_figure - (tables.non_primary_sum - candidates.withheld_sum) as r,
        coalesce(
            candidates.smallest_published - 1,
            tables.district_figure - (tables.non_primary_sum - candidates.withheld_sum)
        ) as complementary_hi
    from suppression_candidates as candidates
    inner join suppression_tables as tables
        on tables.indicator_code = candidates.indicator_code
        and tables.cutoff_code = candidates.cutoff_code
),

suppression_ranges as (
    select
        *,
        greatest(0, r - (p - 1) * (min_count - 1) - k * complementary_hi) as primary_lo,
        least(min_count - 1, r - k * min_count) as primary_hi,
        greatest(min_count, r - p * (min_count - 1) - (k - 1) * complementary_hi)
            as complementary_lo,
        least(complementary_hi, r - (k - 1) * min_count) as complementary_hi_feasible
    from suppression_bounds
),

suppression_passing as (
    select
        indicator_code,
        cutoff_code,
        k,
        coalesce(
            district_figure >= min_count
            and (
                withheld_cells = 0
                or (
                    withheld_cells >= 2
                    and (p = 0 or primary_hi - primary_lo >= min_count - 1)
                    and (k = 0 or complementary_hi_feasible - complementary_lo >= min_count - 1)
                )
            ),
            false
        ) as passes
    from suppression_ranges
),

suppression_choice as (
    -- the smallest passing k; null when none passes (then everything is withheld)
    select
        indicator_code,
        cutoff_code,
        min(k) filter (where passes) as k
    from suppression_passing
    group by indicator_code, cutoff_code
),

suppression_final as (
    select
        suppression_cells.cutoff_figure_key,
        case
            when suppression_cells.figure < suppression_cells.min_count then 'primaria'
            when suppression_choice.k is null then 'complementaria'
            when suppression_ranked.position <= suppression_choice.k then 'complementaria'
        end as suppression_reason
    from suppression_cells
    inner join suppression_choice
        on suppression_choice.indicator_code = suppression_cells.indicator_code
        and suppression_choice.cutoff_code = suppression_cells.cutoff_code
    left join suppression_ranked
        on suppression_ranked.cutoff_figure_key = suppression_cells.cutoff_figure_key
)

select * from suppression_final
{%- endmacro %}
