-- Latest delivered values plus a derived total row for every (entity, indicator, locality, month)
-- that came only disaggregated: the sum of ONE disaggregation (sex, else age group, else sex × age).
with

latest as (
    select * from {{ ref('int_indicator_values_latest') }}
),

cells as (
    select
        entity_code,
        indicator_code,
        locality_code,
        period_month,
        bool_or(sex = 'total' and age_group = 'total') as has_total,
        bool_or(sex <> 'total' and age_group = 'total') as has_sex_rows,
        bool_or(sex = 'total' and age_group <> 'total') as has_age_rows
    from latest
    group by entity_code, indicator_code, locality_code, period_month
),

derived_totals as (
    select
        latest.batch_id,
        latest.file_name,
        latest.file_sha256,
        latest.loaded_at,
        latest.entity_code,
        latest.indicator_code,
        latest.locality_code,
        latest.period_month,
        'total' as sex,
        'total' as age_group,
        sum(latest.indicator_value) as indicator_value,
        true as is_derived_total
    from latest
    inner join cells
        on cells.entity_code = latest.entity_code
        and cells.indicator_code = latest.indicator_code
        and cells.locality_code = latest.locality_code
        and cells.period_month = latest.period_month
    where not cells.has_total
        and (
            (cells.has_sex_rows and latest.sex <> 'total' and latest.age_group = 'total')
            or (
                not cells.has_sex_rows and cells.has_age_rows
                and latest.sex = 'total' and latest.age_group <> 'total'
            )
            or (
                not cells.has_sex_rows and not cells.has_age_rows
                and latest.sex <> 'total' and latest.age_group <> 'total'
            )
        )
    group by
        latest.batch_id, latest.file_name, latest.file_sha256, latest.loaded_at,
        latest.entity_code, latest.indicator_code, latest.locality_code, latest.period_month
),

delivered as (
    select
        batch_id,
        file_name,
        file_sha256,
        loaded_at,
        entity_code,
        indicator_code,
        locality_code,
        period_month,
        sex,
        age_group,
        indicator_value,
        false as is_derived_total
    from latest
),

final as (
    select * from delivered
    union all
    select * from derived_totals
)

select * from final
