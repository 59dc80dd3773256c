-- The action plan's products: UTA, objective, entities, indicator, weight and whole-policy goal.
with

products as (
    select * from {{ ref('products') }}
),

year_goals as (
    select * from {{ ref('int_product_year_goals') }}
),

totals as (
    select
        product_code,
        max(total_goal) as total_goal
    from year_goals
    group by product_code
),

final as (
    select
        products.product_code::text as product_code,
        products.product_name::text as product_name,
        products.uta_code::text as uta_code,
        products.objective::text as objective,
        products.entity_code::text as entity_code,
        nullif(products.coresponsible_entity_codes::text, '') as coresponsible_entity_codes,
        products.indicator_name::text as indicator_name,
        products.unit::text as unit,
        products.weight_pct::numeric as weight_pct,
        products.is_cumulative::boolean as is_cumulative,
        coalesce(totals.total_goal, 0)::numeric as total_goal,
        products.sort_order::integer as sort_order
    from products
    left join totals on totals.product_code = products.product_code
)

select * from final
