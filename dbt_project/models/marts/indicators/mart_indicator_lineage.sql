-- Where each month's figure came from: every delivery of an indicator and month, with the
-- latest one (the one the marts use) flagged; earlier deliveries stay visible as history.
with

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

latest as (
    select distinct entity_code, indicator_code, period_month, batch_id
    from {{ ref('int_indicator_values_latest') }}
),

deliveries as (
    select
        indicator_code,
        period_month,
        entity_code,
        batch_id,
        max(file_name) as file_name,
        max(file_sha256) as file_sha256,
        max(loaded_at) as loaded_at,
        count(*)::integer as row_count,
        count(distinct locality_code)::integer as locality_count,
        sum(indicator_value) filter (where sex = 'total' and age_group = 'total') as value_total
    from staged
    group by indicator_code, period_month, entity_code, batch_id
),

final as (
    select
        {{ dbt_utils_surrogate_key(['deliveries.indicator_code', 'deliveries.period_month', 'deliveries.entity_code', 'deliveries.batch_id']) }}
            as lineage_key,
        deliveries.indicator_code,
        deliveries.period_month,
        deliveries.entity_code,
        deliveries.batch_id,
        deliveries.file_name,
        deliveries.file_sha256,
        deliveries.loaded_at,
        deliveries.row_count,
        deliveries.locality_count,
        deliveries.value_total,
        latest.batch_id is not null as is_latest
    from deliveries
    left join latest
        on latest.entity_code = deliveries.entity_code
        and latest.indicator_code = deliveries.indicator_code
        and latest.period_month = deliveries.period_month
        and latest.batch_id = deliveries.batch_id
)

select * from final
