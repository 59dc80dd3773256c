-- Each product's goal per year 2023–2035 with what is programmed up to that year and over the
-- whole policy: cumulative products carry stocks (to date = the year's goal, whole policy = the
-- largest yearly goal); the others add their yearly goals.
with

products as (
    select * from {{ ref('products') }}
),

goals as (
    select * from {{ ref('product_goals') }}
),

joined as (
    select
        products.product_code::text as product_code,
        products.is_cumulative::boolean as is_cumulative,
        goals.goal_year::integer as goal_year,
        goals.goal_value::numeric as year_goal
    from products
    inner join goals on goals.product_code = products.product_code
),

final as (
    select
        product_code,
        is_cumulative,
        goal_year,
        year_goal,
        case
            when is_cumulative then year_goal
            else sum(year_goal) over (
                partition by product_code order by goal_year rows unbounded preceding
            )
        end as programmed_to_date,
        case
            when is_cumulative then max(year_goal) over (partition by product_code)
            else sum(year_goal) over (partition by product_code)
        end as total_goal
    from joined
)

select * from final
