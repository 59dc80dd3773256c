-- Reported activities per cut-off and UTA equal the distinct (activity, cut-off) pairs of the
-- entities' latest raw deliveries (recomputed from raw here); returns mismatches.
with

raw_rows as (
    select
        upper(trim(entidad)) as entity_code,
        {{ action_plan_normalize_code('actividad') }} as activity_code,
        {{ action_plan_normalize_code('corte') }} as cutoff_code,
        loaded_at,
        batch_id
    from {{ source('raw', 'activity_status') }}
),

latest_batch as (
    select entity_code, cutoff_code, max(loaded_at) as loaded_at
    from raw_rows
    group by entity_code, cutoff_code
),

current_pairs as (
    select distinct raw_rows.activity_code, raw_rows.cutoff_code
    from raw_rows
    inner join latest_batch
        on latest_batch.entity_code = raw_rows.entity_code
        and latest_batch.cutoff_code = raw_rows.cutoff_code
        and latest_batch.loaded_at = raw_rows.loaded_at
),

from_raw as (
    select activities.uta_code::text as uta_code, current_pairs.cutoff_code, count(*) as reported
    from current_pairs
    inner join {{ ref('activities') }} as activities
        on activities.activity_code::text = current_pairs.activity_code
    group by activities.uta_code, current_pairs.cutoff_code
),

from_mart as (
    select uta_code, cutoff_code, reported_activities
    from {{ ref('mart_compliance_by_uta') }}
    where uta_code <> 'TOTAL'
),

final as (
    select from_mart.uta_code, from_mart.cutoff_code
    from from_mart
    left join from_raw
        on from_raw.uta_code = from_mart.uta_code
        and from_raw.cutoff_code = from_mart.cutoff_code
    where coalesce(from_raw.reported, 0) <> from_mart.reported_activities
)

select * from final
