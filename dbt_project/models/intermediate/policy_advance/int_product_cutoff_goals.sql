-- Every product × cut-off (each product is expected at every cut-off) with the goals of the
-- cut-off's year (the year of its last month) and whether it is that year's last cut-off.
with

products as (
    select * from {{ ref('dim_product') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

year_goals as (
    select * from {{ ref('int_product_year_goals') }}
),

cutoff_years as (
    select
        cutoff_code,
        sort_order,
        extract(year from end_month)::integer as cutoff_year,
        sort_order = max(sort_order) over (partition by extract(year from end_month))
            as is_year_final_cutoff
    from cutoffs
),

final as (
    select
        products.product_code,
        cutoff_years.cutoff_code,
        cutoff_years.cutoff_year,
        cutoff_years.is_year_final_cutoff,
        products.uta_code,
        products.entity_code,
        products.weight_pct,
        products.is_cumulative,
        coalesce(year_goals.year_goal, 0) as year_goal,
        coalesce(year_goals.programmed_to_date, 0) as programmed_to_date,
        products.total_goal
    from products
    cross join cutoff_years
    left join year_goals
        on year_goals.product_code = products.product_code
        and year_goals.goal_year = cutoff_years.cutoff_year
)

select * from final
