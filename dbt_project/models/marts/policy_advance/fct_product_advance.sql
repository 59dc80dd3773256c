-- One row per product × cut-off: the value reported against the year's programmed goal, and the
-- product's share of its whole-policy goal achieved and programmed (the rule is in the YAML).
with

grid as (
    select * from {{ ref('int_product_cutoff_goals') }}
),

reports as (
    select * from {{ ref('int_product_advance_latest') }}
),

joined as (
    select
        grid.*,
        reports.reported_value,
        reports.progress_note,
        reports.batch_id,
        reports.product_code is not null as is_reported,
        coalesce(reports.reported_value, 0) as counted_value
    from grid
    left join reports
        on reports.product_code = grid.product_code
        and reports.cutoff_code = grid.cutoff_code
),

capped as (
    select
        joined.*,
        least(counted_value, year_goal) as capped_value
    from joined
),

-- Non-cumulative products: what the earlier years achieved, each at its last cut-off.
earlier_years as (
    select
        capped.product_code,
        capped.cutoff_code,
        coalesce(sum(year_final.capped_value), 0) as achieved_before_year
    from capped
    left join capped as year_final
        on year_final.product_code = capped.product_code
        and year_final.is_year_final_cutoff
        and year_final.cutoff_year < capped.cutoff_year
        and not capped.is_cumulative
    group by capped.product_code, capped.cutoff_code
),

shares as (
    select
        capped.*,
        case
            when capped.is_cumulative then capped.capped_value
            else earlier_years.achieved_before_year + capped.capped_value
        end as achieved_to_date
    from capped
    inner join earlier_years
        on earlier_years.product_code = capped.product_code
        and earlier_years.cutoff_code = capped.cutoff_code
),

final as (
    select
        {{ dbt_utils_surrogate_key(['product_code', 'cutoff_code']) }} as product_advance_key,
        product_code,
        cutoff_code,
        cutoff_year,
        uta_code,
        entity_code,
        weight_pct,
        is_cumulative,
        year_goal,
        reported_value,
        is_reported,
        (case when year_goal > 0 then counted_value / year_goal end)::double precision
            as advance_ratio,
        (case when year_goal > 0 then least(counted_value / year_goal, 1) end)::double precision
            as capped_advance_ratio,
        achieved_to_date,
        programmed_to_date,
        total_goal,
        (case when total_goal > 0 then achieved_to_date / total_goal else 0 end)::double precision
            as advance_share,
        (case when total_goal > 0 then least(programmed_to_date / total_goal, 1) else 0 end)
            ::double precision as goal_share,
        (case when year_goal > 0 then 1 - least(counted_value / year_goal, 1) end)
            ::double precision as gap_ratio,
        (weight_pct / 100 * case
            when total_goal > 0
                then least(programmed_to_date / total_goal, 1) - achieved_to_date / total_goal
            else 0
        end)::double precision as policy_gap_ratio,
        progress_note,
        batch_id
    from shares
)

select * from final
