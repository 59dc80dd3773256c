{#- The shape of a derived indicator's model (models/metrics/): one row per chain, locality and
    month; chain 'all' or 'validated'; a known locality; either `value` (no numerator or
    denominator) or both `numerator` and `denominator` (no value), as the catalogue's rule says
    (ratio ↔ numerator and denominator); nothing negative; and a catalogue row that names this
    model. Returns one row per problem. -#}
{% test metric_shape(model) %}
with

metric_rows as (
    select * from {{ model }}
),

catalogue as (
    select * from {{ ref('indicators') }}
    where derived_model = '{{ model.identifier }}'
),

localities as (
    select * from {{ ref('localities') }}
),

problems as (
    select chain, locality_code, period_month, 'more than one row' as problem
    from metric_rows
    group by chain, locality_code, period_month
    having count(*) > 1
    union all
    select chain, locality_code, period_month, 'chain must be all or validated'
    from metric_rows
    where chain is null or chain not in ('all', 'validated')
    union all
    select chain, locality_code, period_month, 'unknown locality or no month'
    from metric_rows
    where period_month is null
        or locality_code not in (select locality_code from localities)
        or locality_code is null
    union all
    select metric_rows.chain, metric_rows.locality_code, metric_rows.period_month,
        case when catalogue.aggregation_rule = 'ratio'
            then 'rule ratio needs numerator and denominator, and no value'
            else 'rule ' || catalogue.aggregation_rule || ' needs value, and no numerator or denominator'
        end
    from metric_rows
    cross join catalogue
    where (catalogue.aggregation_rule = 'ratio'
            and (metric_rows.numerator is null or metric_rows.denominator is null
                or metric_rows.value is not null))
        or (catalogue.aggregation_rule <> 'ratio'
            and (metric_rows.value is null or metric_rows.numerator is not null
                or metric_rows.denominator is not null))
    union all
    select chain, locality_code, period_month, 'negative value, numerator or denominator'
    from metric_rows
    where value < 0 or numerator < 0 or denominator < 0
    union all
    select null, null, null, 'no catalogue row with derived_model = {{ model.identifier }}'
    where not exists (select 1 from catalogue where source_kind = 'derived')
)

select * from problems
{% endtest %}
