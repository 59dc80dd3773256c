-- Distinct persons served per indicator, locality and month from person-level deliveries (the
-- newest delivery of each entity, indicator and month wins: int_person_services_latest), plus a
-- district row counting each person once across localities (distinct counts do not add up).
-- Incremental like fct_person_months: only the months delivered or re-delivered since the last
-- build, each replaced as a whole (its locality rows and its district row).
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['entity_code', 'indicator_code', 'period_month'],
    on_schema_change='fail'
) }}
-- depends_on: {{ ref('stg_raw_persons__person_services') }}
with
{{ changed_person_months() }}
latest as (
    {{ latest_person_services() }}
),

by_locality as (
    select
        indicator_code,
        entity_code,
        locality_code,
        period_month,
        false as is_total,
        count(distinct person_pseudonym)::integer as distinct_persons,
        max(batch_id) as batch_id
    from latest
    group by indicator_code, entity_code, locality_code, period_month
),

district as (
    select
        indicator_code,
        entity_code,
        '00' as locality_code,
        period_month,
        true as is_total,
        count(distinct person_pseudonym)::integer as distinct_persons,
        max(batch_id) as batch_id
    from latest
    group by indicator_code, entity_code, period_month
),

unioned as (
    select * from by_locality
    union all
    select * from district
),

final as (
    select
        md5(concat_ws('|', indicator_code, locality_code, period_month, is_total))
            as person_count_key,
        indicator_code,
        entity_code,
        locality_code,
        period_month,
        is_total,
        distinct_persons,
        batch_id
    from unioned
)

select * from final
