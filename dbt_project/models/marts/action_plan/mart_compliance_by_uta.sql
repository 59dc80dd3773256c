-- Deck table per cut-off: one row per UTA (UTA1–3, TRANSVERSAL) plus TOTAL for UTA1–3 together.
with

activity_status as (
    select * from {{ ref('fct_activity_status') }}
),

utas as (
    select * from {{ ref('dim_uta') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

entities as (
    select * from {{ ref('dim_entity') }}
),

grouped as (
    select activity_status.*, activity_status.uta_code as group_code
    from activity_status
    union all
    select activity_status.*, 'TOTAL' as group_code
    from activity_status
    where activity_status.uta_code <> 'TRANSVERSAL'
),

counts as (
    select
        cutoff_code,
        group_code,
        count(*)::integer as expected_activities,
        count(*) filter (where activity_kind = 'entidad')::integer
            as entity_activities,
        count(*) filter (where activity_kind = 'intersectorial')::integer
            as intersectoral_activities,
        count(*) filter (where is_reported)::integer as reported_activities,
        count(*) filter (where is_started)::integer as started_activities,
        count(*) filter (where status = 'no iniciada')::integer as n_no_iniciada,
        count(*) filter (where status = 'iniciada')::integer as n_iniciada,
        count(*) filter (where status = 'totalmente ejecutada')::integer
            as n_totalmente_ejecutada,
        count(*) filter (where not is_reported)::integer as n_not_reported
    from grouped
    group by cutoff_code, group_code
),

reporters as (
    select distinct cutoff_code, group_code, reporting_entity_code
    from grouped
    where reporting_entity_code is not null
),

reporter_names as (
    select
        reporters.cutoff_code,
        reporters.group_code,
        string_agg(
            coalesce(entities.entity_short_name, reporters.reporting_entity_code), ', '
            order by entities.quorum_order nulls last, reporters.reporting_entity_code
        ) as reporting_entities
    from reporters
    left join entities on entities.entity_code = reporters.reporting_entity_code
    group by reporters.cutoff_code, reporters.group_code
),

final as (
    select
        counts.cutoff_code,
        cutoffs.cutoff_name,
        counts.group_code as uta_code,
        coalesce(utas.uta_name, 'Total UTA 1–3') as uta_name,
        counts.expected_activities,
        counts.entity_activities,
        counts.intersectoral_activities,
        counts.reported_activities,
        counts.reported_activities::double precision / counts.expected_activities as compliance_ratio,
        counts.started_activities,
        counts.started_activities::double precision / counts.expected_activities as started_ratio,
        counts.n_no_iniciada,
        counts.n_iniciada,
        counts.n_totalmente_ejecutada,
        counts.n_not_reported,
        coalesce(reporter_names.reporting_entities, '') as reporting_entities,
        -- UTA1–3, then TOTAL, then TRANSVERSAL (the deck's order).
        case counts.group_code
            when 'TOTAL' then 90
            when 'TRANSVERSAL' then 99
            else coalesce(utas.sort_order, 50)
        end::integer as sort_order
    from counts
    inner join cutoffs on cutoffs.cutoff_code = counts.cutoff_code
    left join utas on utas.uta_code = counts.group_code
    left join reporter_names
        on reporter_names.cutoff_code = counts.cutoff_code
        and reporter_names.group_code = counts.group_code
)

select * from final
