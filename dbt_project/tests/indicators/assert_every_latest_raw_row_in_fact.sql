-- Reconciliation: every raw row of a latest delivery is represented in fct_indicator_values
-- (same indicator, resolved locality, month, disaggregation and delivery), and staging kept every
-- raw row (deliveries returned by the technical secretariat feed no figure). Returns the raw rows (or deliveries) that went missing.
with

raw_counts as (
    select batch_id, count(*) as raw_rows
    from {{ source('raw', 'indicator_values') }}
    group by batch_id
),

staged as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

staged_counts as (
    select batch_id, count(*) as staged_rows
    from staged
    group by batch_id
),

returned as (
    -- deliveries whose latest review returned them («devuelto») feed no figure
    select delivery_id from (
        select distinct on (delivery_id) delivery_id, state
        from {{ source('intake', 'delivery_reviews') }}
        order by delivery_id, review_id desc
    ) as latest_review
    where state = 'devuelto'
),

latest_batches as (
    select distinct on (entity_code, indicator_code, period_month)
        entity_code,
        indicator_code,
        period_month,
        batch_id
    from staged
    where batch_id not in (select delivery_id from returned)
    order by entity_code, indicator_code, period_month, loaded_at desc, batch_id desc
),

facts as (
    select * from {{ ref('fct_indicator_values') }}
),

missing_rows as (
    select
        staged.batch_id,
        staged.source_row,
        'row not in fct_indicator_values' as problem
    from staged
    inner join latest_batches
        on latest_batches.entity_code = staged.entity_code
        and latest_batches.indicator_code = staged.indicator_code
        and latest_batches.period_month = staged.period_month
        and latest_batches.batch_id = staged.batch_id
    left join facts
        on facts.indicator_code = staged.indicator_code
        and facts.locality_code = staged.locality_code
        and facts.period_month = staged.period_month
        and facts.sex = staged.sex
        and facts.age_group = staged.age_group
        and facts.batch_id = staged.batch_id
        and not facts.is_derived_total
    where facts.indicator_value_key is null
),

missing_in_staging as (
    select
        raw_counts.batch_id,
        null::integer as source_row,
        'staging row count differs from raw' as problem
    from raw_counts
    left join staged_counts on staged_counts.batch_id = raw_counts.batch_id
    where staged_counts.staged_rows is distinct from raw_counts.raw_rows
),

final as (
    select * from missing_rows
    union all
    select * from missing_in_staging
)

select * from final
