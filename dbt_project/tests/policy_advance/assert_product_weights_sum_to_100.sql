-- The products' weights within the policy add up to 100 % and each is positive; every product has
-- exactly one goal for each year 2023–2035 and some goal programmed. Returns what breaks that.
with

products as (
    select * from {{ ref('products') }}
),

goals as (
    select * from {{ ref('product_goals') }}
),

weight_total as (
    select 'weights add up to ' || coalesce(sum(weight_pct), 0)::text as problem
    from products
    having coalesce(sum(weight_pct), 0) <> 100
),

bad_weights as (
    select 'weight of ' || product_code || ' is not positive' as problem
    from products
    where weight_pct <= 0
),

goal_years as (
    select 'goals of ' || products.product_code || ': ' || count(goals.goal_year)::text
        || ' years, total ' || coalesce(sum(goals.goal_value), 0)::text as problem
    from products
    left join goals on goals.product_code = products.product_code
    group by products.product_code
    having count(distinct goals.goal_year) <> 13 or count(goals.goal_year) <> 13
        or coalesce(sum(goals.goal_value), 0) <= 0 or min(goals.goal_value) < 0
),

final as (
    select problem from weight_total
    union all
    select problem from bad_weights
    union all
    select problem from goal_years
)

select * from final
