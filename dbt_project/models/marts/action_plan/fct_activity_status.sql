-- Every activity is expected once per cut-off; its current status when reported, nulls when not.
with

activities as (
    select * from {{ ref('dim_activity') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

latest_status as (
    select * from {{ ref('int_activity_status_latest') }}
),

expected as (
    select
        activities.activity_code,
        cutoffs.cutoff_code,
        activities.uta_code,
        activities.activity_kind,
        activities.lead_entity_code
    from activities
    cross join cutoffs
),

final as (
    select
        {{ dbt_utils_surrogate_key(['expected.activity_code', 'expected.cutoff_code']) }}
            as activity_status_key,
        expected.activity_code,
        expected.cutoff_code,
        expected.uta_code,
        expected.activity_kind,
        expected.lead_entity_code,
        latest_status.entity_code as reporting_entity_code,
        latest_status.status,
        latest_status.activity_code is not null as is_reported,
        coalesce(latest_status.status in ('iniciada', 'totalmente ejecutada'), false)
            as is_started,
        latest_status.progress_note,
        latest_status.batch_id::bigint as batch_id
    from expected
    left join latest_status
        on latest_status.activity_code = expected.activity_code
        and latest_status.cutoff_code = expected.cutoff_code
)

select * from final
