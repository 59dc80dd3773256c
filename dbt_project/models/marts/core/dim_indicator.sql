-- The indicator catalogue: definition, unit, owner, UTA and the aggregation rule of each figure,
-- with the names of its UTA and entity for display; for a derived indicator (models/metrics/)
-- its model, the rules of a ratio's parts and its formula (the model's description).
with

indicators as (
    select * from {{ ref('indicators') }}
),

utas as (
    select * from {{ ref('utas') }}
),

entities as (
    select * from {{ ref('entities') }}
),

formulas as (
    -- each derived indicator's formula: its model's description in dbt (models/metrics/)
    {{ metric_formulas() }}
),

final as (
    select
        indicators.indicator_code::text as indicator_code,
        indicators.indicator_name::text as indicator_name,
        indicators.definition::text as definition,
        indicators.unit::text as unit,
        indicators.entity_code::text as entity_code,
        entities.entity_name::text as entity_name,
        entities.entity_short_name::text as entity_short_name,
        indicators.uta_code::text as uta_code,
        utas.uta_name::text as uta_name,
        case when utas.uta_number is null then utas.uta_name::text
            else 'UTA ' || utas.uta_number::text || ' – ' || utas.uta_name::text
        end as uta_label,
        indicators.frequency::text as frequency,
        indicators.aggregation_rule::text as aggregation_rule,
        coalesce(indicators.allowed_disaggregations::text, '') as allowed_disaggregations,
        indicators.is_publishable::boolean as is_publishable,
        indicators.pdd_goal_value::numeric as pdd_goal_value,
        indicators.pdd_goal_year::integer as pdd_goal_year,
        indicators.sort_order::integer as sort_order,
        coalesce(indicators.cutoff_lag_months, 0)::integer as cutoff_lag_months,
        greatest(coalesce(indicators.stock_validity_months, 1), 1)::integer
            as stock_validity_months,
        coalesce(indicators.source_kind::text, 'delivered') as source_kind,
        indicators.derived_model::text as derived_model,
        indicators.numerator_rule::text as numerator_rule,
        indicators.denominator_rule::text as denominator_rule,
        indicators.ratio_per::integer as ratio_per,
        formulas.formula
    from indicators
    left join utas on utas.uta_code = indicators.uta_code
    left join entities on entities.entity_code = indicators.entity_code
    left join formulas on formulas.metric_model = indicators.derived_model
)

select * from final
