-- One rating per assessment month and criterion: the latest row wins (latest load, then latest
-- batch, then the later row of the same file), so a re-rated criterion replaces its earlier rating.
-- Deliveries the technical secretariat returned («devuelto») are left out (macro not_returned).
with

staged as (
    select * from {{ ref('stg_raw__maturity_assessments') }}
),

kept as (
    {{ not_returned('staged') }}
),

latest as (
    {{ latest_delivery('kept', ['assessment_month', 'criterion_code'], keep='row') }}
),

final as (
    select
        batch_id,
        source_row,
        loaded_at,
        entity_code,
        assessment_month,
        criterion_code,
        rating,
        rating_score,
        evidence
    from latest
)

select * from final
