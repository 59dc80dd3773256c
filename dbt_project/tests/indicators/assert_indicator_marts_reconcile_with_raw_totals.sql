-- Reconciliation: per indicator and month, the sum of every raw row of the latest delivery not
-- returned by the technical secretariat
-- (computed here from raw, independently of the models) equals the sum of the fact's delivered
-- rows (derived totals excluded). Returns the indicator-months that disagree.
with

raw_rows as (
    select
        upper(trim(entidad)) as entity_code,
        upper(trim(indicador)) as indicator_code,
        mes::date as period_month,
        batch_id,
        loaded_at,
        valor::numeric as raw_value
    from {{ source('raw', 'indicator_values') }}
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
    from raw_rows
    where batch_id not in (select delivery_id from returned)
    order by entity_code, indicator_code, period_month, loaded_at desc, batch_id desc
),

raw_totals as (
    select
        raw_rows.indicator_code,
        raw_rows.period_month,
        sum(raw_rows.raw_value) as raw_total
    from raw_rows
    inner join latest_batches
        on latest_batches.entity_code = raw_rows.entity_code
        and latest_batches.indicator_code = raw_rows.indicator_code
        and latest_batches.period_month = raw_rows.period_month
        and latest_batches.batch_id = raw_rows.batch_id
    group by raw_rows.indicator_code, raw_rows.period_month
),

mart_totals as (
    select
        indicator_code,
        period_month,
        sum(indicator_value) as mart_total
    from {{ ref('fct_indicator_values') }}
    where not is_derived_total
        and source_kind = 'delivered'  -- derived indicators have no raw rows (models/metrics/)
    group by indicator_code, period_month
),

final as (
    select
        coalesce(raw_totals.indicator_code, mart_totals.indicator_code) as indicator_code,
        coalesce(raw_totals.period_month, mart_totals.period_month) as period_month,
        raw_totals.raw_total,
        mart_totals.mart_total
    from raw_totals
    full outer join mart_totals
        on mart_totals.indicator_code = raw_totals.indicator_code
        and mart_totals.period_month = raw_totals.period_month
    where raw_totals.raw_total is distinct from mart_totals.mart_total
)

select * from final
