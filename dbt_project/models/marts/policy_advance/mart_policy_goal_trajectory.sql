-- The policy's weighted goal at the end of each year 2023–2035 (overall and per UTA): the path
-- the advance reported at each cut-off is compared with, reaching 100 % in 2035.
{%- set scopes = [('politica', "'TOTAL'::text"), ('uta', 'products.uta_code')] %}
with

products as (
    select * from {{ ref('dim_product') }}
),

year_goals as (
    select * from {{ ref('int_product_year_goals') }}
),

shares as (
    select
        products.product_code,
        products.uta_code,
        products.weight_pct,
        year_goals.goal_year,
        case
            when products.total_goal > 0
                then least(year_goals.programmed_to_date / products.total_goal, 1)
            else 0
        end as goal_share
    from products
    inner join year_goals on year_goals.product_code = products.product_code
),

weighted as (
    {%- for kind, code in scopes %}
    select
        '{{ kind }}'::text as scope_kind,
        {{ code | replace('products.', 'shares.') }} as scope_code,
        shares.goal_year,
        sum(shares.weight_pct) as weight_pct,
        sum(shares.weight_pct * shares.goal_share) as weighted_goal
    from shares
    group by {{ code | replace('products.', 'shares.') }}, shares.goal_year
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['scope_kind', 'scope_code', 'goal_year']) }}
            as goal_trajectory_key,
        scope_kind,
        scope_code,
        goal_year,
        make_date(goal_year, 12, 1) as goal_month,
        (weighted_goal / nullif(weight_pct, 0))::double precision as goal_ratio
    from weighted
)

select * from final
