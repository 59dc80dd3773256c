-- Reporting compliance per cut-off, UTA and lead entity: expected, reported and by status.
with

activity_status as (
    select * from {{ ref('fct_activity_status') }}
),

final as (
    select
        cutoff_code,
        uta_code,
        lead_entity_code as entity_code,
        count(*)::integer as expected_activities,
        count(*) filter (where is_reported)::integer as reported_activities,
        count(*) filter (where status = 'no iniciada')::integer as n_no_iniciada,
        count(*) filter (where status = 'iniciada')::integer as n_iniciada,
        count(*) filter (where status = 'totalmente ejecutada')::integer
            as n_totalmente_ejecutada,
        count(*) filter (where not is_reported)::integer as n_not_reported,
        (count(*) filter (where is_reported))::double precision / count(*) as compliance_ratio
    from activity_status
    group by cutoff_code, uta_code, lead_entity_code
)

select * from final
