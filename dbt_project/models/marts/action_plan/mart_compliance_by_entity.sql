-- Reporting compliance per cut-off × lead entity, within one UTA (uta_scope = its code) or over
-- all of them, TRANSVERSAL included (uta_scope = 'ALL'): the Plan de acción page's entity gauge
-- and "Estado de las actividades por entidad líder". Rolls fct_reporting_compliance up, so each
-- activity still counts once, for its lead entity.
with

compliance as (
    select * from {{ ref('fct_reporting_compliance') }}
),

entities as (
    select * from {{ ref('dim_entity') }}
),

scoped as (
    select compliance.*, compliance.uta_code as uta_scope
    from compliance
    union all
    select compliance.*, 'ALL' as uta_scope
    from compliance
),

rolled_up as (
    select
        cutoff_code,
        uta_scope,
        entity_code,
        -- the page lists entities as the per-UTA table first shows them: by UTA code, then quorum
        min(uta_code) as first_uta_code,
        sum(expected_activities)::integer as expected_activities,
        sum(reported_activities)::integer as reported_activities,
        sum(n_no_iniciada)::integer as n_no_iniciada,
        sum(n_iniciada)::integer as n_iniciada,
        sum(n_totalmente_ejecutada)::integer as n_totalmente_ejecutada,
        sum(n_not_reported)::integer as n_not_reported
    from scoped
    group by cutoff_code, uta_scope, entity_code
),

final as (
    select
        rolled_up.cutoff_code || '|' || rolled_up.uta_scope || '|' || rolled_up.entity_code
            as compliance_key,
        rolled_up.cutoff_code,
        rolled_up.uta_scope,
        rolled_up.entity_code,
        entities.entity_short_name,
        rolled_up.expected_activities,
        rolled_up.reported_activities,
        rolled_up.n_no_iniciada,
        rolled_up.n_iniciada,
        rolled_up.n_totalmente_ejecutada,
        rolled_up.n_not_reported,
        rolled_up.reported_activities::double precision / rolled_up.expected_activities
            as compliance_ratio,
        row_number() over (
            partition by rolled_up.cutoff_code, rolled_up.uta_scope
            order by
                rolled_up.first_uta_code,
                entities.quorum_order nulls last,
                rolled_up.entity_code
        )::integer as sort_order
    from rolled_up
    left join entities on entities.entity_code = rolled_up.entity_code
)

select * from final
