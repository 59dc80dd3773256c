-- The project's own maturity scale (not IOM's): each level's score range, for the level of
-- fct_governance_maturity and the thresholds the Comité page draws.
with

levels as (
    select * from {{ ref('maturity_levels') }}
),

final as (
    select
        levels.level_code::text as level_code,
        levels.level_name::text as level_name,
        levels.min_score::numeric as min_score,
        levels.max_score::numeric as max_score,
        levels.level_description::text as level_description
    from levels
)

select * from final
