-- The indicator catalogue: definition, unit, owner, UTA and the aggregation rule of each figure.
with

indicators as (
    select * from {{ ref('indicators') }}
),

final as (
    select
        indicator_code::text as indicator_code,
        indicator_name::text as indicator_name,
        definition::text as definition,
        unit::text as unit,
        entity_code::text as entity_code,
        uta_code::text as uta_code,
        frequency::text as frequency,
        aggregation_rule::text as aggregation_rule,
        coalesce(allowed_disaggregations::text, '') as allowed_disaggregations,
        is_publishable::boolean as is_publishable,
        pdd_goal_value::numeric as pdd_goal_value,
        pdd_goal_year::integer as pdd_goal_year,
        sort_order::integer as sort_order
    from indicators
)

select * from final
