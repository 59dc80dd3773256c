-- What each derived indicator is computed from, from dbt's graph: the inputs its model declares
-- in meta.inputs (models/metrics/_metrics__models.yml) — delivered indicators ('indicador') or
-- dbt models such as mart_population_by_year ('modelo') — and whether the model really reads
-- each (its SQL names the indicator code; its dependencies include the model). The lineage view
-- («¿De dónde sale esta cifra?») lists the deliveries of the input indicators from here.
with

declared as (
    {{ metric_declared_inputs() }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['indicators.indicator_code', 'declared.input_code']) }}
            as metric_input_key,
        indicators.indicator_code,
        declared.metric_model,
        declared.input_code,
        declared.input_kind,
        declared.is_read_by_model
    from declared
    inner join indicators on indicators.derived_model = declared.metric_model
)

select * from final
