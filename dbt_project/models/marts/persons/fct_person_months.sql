-- One row per indicator, entity, locality, month and pseudonymous person served, from the latest
-- delivery of each entity, indicator and month (int_person_services_latest). The base of every
-- distinct-person figure over a period: marts.person_count counts distinct pseudonyms here.
-- Pseudonyms only: document numbers never reach the database.
with

latest as (
    select * from {{ ref('int_person_services_latest') }}
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
