-- Privacy (docs/dominio.md, Privacidad): no withheld figure of the public view can be narrowed
-- to fewer than min_count (t) possible values. Re-derived from the published mart alone, the way
-- an attacker would (the model of the macro public_suppression): per indicator × cut-off, the
-- withheld localities add up to R = T - sum(published localities) when the district total T is
-- published (unknown when withheld: a withheld total does not say why); a primary cell lies in
-- [0, t-1], a complementary one in [t, m-1], m = the smallest published locality (no bound when
-- none is published). Each withheld cell: lo = max(own_lo, R - sum of the others' hi),
-- hi = min(own_hi, R - sum of the others' lo); a row here is a cell with hi - lo < t - 1. A
-- withheld district total is checked too: it lies between the published localities plus the
-- sum of the withheld ones' lo and hi. Null stands for an unbounded side (greatest / least
-- skip nulls).
-- A derived ratio (rule ratio) publishes quotients, not counts: its counts are suppressed part by
-- part (mart_public_locality_figures) and checked by assert_public_ratio_parts_not_small.
with

public_figures as (
    select * from {{ ref('mart_public_locality_figures') }}
    where aggregation_rule <> 'ratio'
),

tables as (
    select
        indicator_code,
        cutoff_code,
        max(min_count) as t,
        max(figure) filter (where is_district_total and not is_suppressed) as district_figure,
        count(*) filter (where not is_district_total) as localities,
        coalesce(sum(figure) filter (where not is_district_total and not is_suppressed), 0)
            as published_sum,
        min(figure) filter (where not is_district_total and not is_suppressed)
            as smallest_published,
        count(*) filter (where not is_district_total and suppression_reason = 'primaria') as p,
        count(*) filter (where not is_district_total and suppression_reason = 'complementaria')
            as k
    from public_figures
    group by indicator_code, cutoff_code
),

own_ranges as (
    select
        *,
        district_figure - published_sum as r,
        0 as primary_own_lo,
        t - 1 as primary_own_hi,
        t as complementary_own_lo,
        smallest_published - 1 as complementary_own_hi,
        -- sums over every withheld locality (null: unbounded)
        k * t as withheld_lo_sum,
        p * (t - 1) + case when k = 0 then 0 else k * (smallest_published - 1) end
            as withheld_hi_sum
    from tables
),

cells as (
    select
        public_figures.public_figure_key,
        public_figures.indicator_code,
        public_figures.cutoff_code,
        public_figures.locality_scope,
        public_figures.suppression_reason,
        own_ranges.t,
        case
            when public_figures.is_district_total then
                case when own_ranges.localities > 0
                    then own_ranges.published_sum + own_ranges.withheld_lo_sum
                    else 0
                end
            when public_figures.suppression_reason = 'primaria' then greatest(
                own_ranges.primary_own_lo,
                own_ranges.r - (own_ranges.withheld_hi_sum - own_ranges.primary_own_hi)
            )
            else greatest(
                own_ranges.complementary_own_lo,
                own_ranges.r - (
                    own_ranges.p * (own_ranges.t - 1)
                    + case when own_ranges.k = 1 then 0
                        else (own_ranges.k - 1) * (own_ranges.smallest_published - 1)
                    end
                )
            )
        end as lo,
        case
            when public_figures.is_district_total then
                case when own_ranges.localities > 0
                    then own_ranges.published_sum + own_ranges.withheld_hi_sum
                end
            when public_figures.suppression_reason = 'primaria' then least(
                own_ranges.primary_own_hi,
                own_ranges.r - (own_ranges.withheld_lo_sum - own_ranges.primary_own_lo)
            )
            else least(
                own_ranges.complementary_own_hi,
                own_ranges.r - (own_ranges.withheld_lo_sum - own_ranges.complementary_own_lo)
            )
        end as hi
    from public_figures
    inner join own_ranges
        on own_ranges.indicator_code = public_figures.indicator_code
        and own_ranges.cutoff_code = public_figures.cutoff_code
    where public_figures.is_suppressed
),

final as (
    select *
    from cells
    where hi - lo < t - 1
)

select * from final
