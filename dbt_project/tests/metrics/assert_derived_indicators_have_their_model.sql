-- Every derived indicator of the catalogue (source_kind derived) names its model as
-- metric_<indicator_code in lower case>, and that model exists in models/metrics/ (dbt's graph);
-- every model there has its catalogue row (the generic test metric_shape). A row here is a
-- catalogue row whose model is misnamed or missing.
with

catalogue as (
    select * from {{ ref('indicators') }}
    where source_kind = 'derived'
),

models as (
    select * from (values
        {%- for node in metric_nodes() %}
        ('{{ node.name }}'::text){{ ',' if not loop.last }}
        {%- endfor %}
        {%- if not metric_nodes() %}(null::text){% endif %}
    ) as metric_models (model_name)
),

final as (
    select catalogue.indicator_code, catalogue.derived_model
    from catalogue
    where catalogue.derived_model is distinct from 'metric_' || lower(catalogue.indicator_code)
        or catalogue.derived_model not in (select model_name from models where model_name is not null)
        or catalogue.aggregation_rule = 'ratio' and (
            catalogue.numerator_rule is null or catalogue.denominator_rule is null
            or catalogue.ratio_per is null)
)

select * from final
