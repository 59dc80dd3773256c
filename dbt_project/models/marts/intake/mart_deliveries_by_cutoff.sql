-- Which follow-up cut-off(s) each delivery covers; deliveries covering none keep one row without cut-off.
with

deliveries as (
    select * from {{ ref('stg_intake__deliveries') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

period_keys as (
    -- the period element is the last part of each key ('UTA1_SISBEN|2024-05-01' -> '2024-05-01')
    select distinct
        deliveries.delivery_id,
        trim(keys.parts[cardinality(keys.parts)]) as period_text
    from deliveries
    cross join lateral unnest(deliveries.periods) as period_key (value)
    cross join lateral (select string_to_array(period_key.value, '|') as parts) as keys
),

covered_cutoffs as (
    select distinct
        period_keys.delivery_id,
        cutoffs.cutoff_code
    from period_keys
    inner join cutoffs
        on upper(period_keys.period_text) = cutoffs.cutoff_code
        or (
            period_keys.period_text ~ '^\d{4}-\d{2}(-\d{2})?$'
            and to_date(left(period_keys.period_text, 7) || '-01', 'YYYY-MM-DD')
            between cutoffs.start_month and cutoffs.end_month
        )
),

final as (
    select
        deliveries.delivery_id::text || '|' || coalesce(covered_cutoffs.cutoff_code, 'sin corte')
            as delivery_cutoff_key,
        deliveries.delivery_id,
        covered_cutoffs.cutoff_code,
        deliveries.entity_code,
        deliveries.kind,
        deliveries.status,
        deliveries.received_at,
        cutoffs.report_deadline,
        case
            when cutoffs.cutoff_code is not null
                then deliveries.received_at
                < ((cutoffs.report_deadline + 1)::timestamp at time zone 'America/Bogota')
        end as is_on_time
    from deliveries
    left join covered_cutoffs on covered_cutoffs.delivery_id = deliveries.delivery_id
    left join cutoffs on cutoffs.cutoff_code = covered_cutoffs.cutoff_code
)

select * from final
