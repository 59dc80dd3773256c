-- One row per indicator, entity, locality, month and pseudonymous person served, from the latest
-- delivery of each entity, indicator and month (int_person_services_latest). The base of every
-- distinct-person figure over a period: marts.person_count counts distinct pseudonyms here.
-- Pseudonyms only: document numbers never reach the database.
-- Incremental: a build adds only the months delivered or re-delivered since the last one, each
-- replaced as a whole (macros/latest_person_services.sql; warehouse/dbt_runner.py carries the
-- table over into the build schema).
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

final as (
    select
        {{ dbt_utils_surrogate_key([
            'indicator_code', 'entity_code', 'locality_code', 'period_month', 'person_pseudonym'
        ]) }} as person_month_key,
        indicator_code,
        entity_code,
        locality_code,
        period_month,
        person_pseudonym,
        count(*)::integer as service_rows,
        max(batch_id) as batch_id
    from latest
    group by indicator_code, entity_code, locality_code, period_month, person_pseudonym
)

select * from final
