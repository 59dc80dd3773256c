-- Distinct persons served per indicator, locality and month from person-level deliveries (the
-- newest delivery of each entity, indicator and month wins), plus a district row counting each
-- person once across localities (distinct counts do not add up).
with

services as (
    select * from {{ ref('stg_raw_persons__person_services') }}
),

ranked as (
    select
        services.*,
        dense_rank() over (
            partition by entity_code, indicator_code, period_month
            order by loaded_at desc, batch_id desc
        ) as delivery_rank
    from services
),

latest as (
    select * from ranked where delivery_rank = 1
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
