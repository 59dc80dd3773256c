-- mart_compliance_by_entity adds up to mart_compliance_by_uta: per cut-off and UTA the entities'
-- rows give the UTA's expected / reported / not reported, and the ALL rows give the UTA rows
-- together (TRANSVERSAL included). Returns the (cut-off, scope) pairs that disagree.
with

by_entity as (
    select * from {{ ref('mart_compliance_by_entity') }}
),

by_uta as (
    select * from {{ ref('mart_compliance_by_uta') }}
    where uta_code <> 'TOTAL'
),

uta_totals as (
    select
        cutoff_code,
        uta_code as uta_scope,
        expected_activities,
        reported_activities,
        n_not_reported
    from by_uta
    union all
    select
        cutoff_code,
        'ALL' as uta_scope,
        sum(expected_activities),
        sum(reported_activities),
        sum(n_not_reported)
    from by_uta
    group by cutoff_code
),

entity_totals as (
    select
        cutoff_code,
        uta_scope,
        sum(expected_activities) as expected_activities,
        sum(reported_activities) as reported_activities,
        sum(n_not_reported) as n_not_reported
    from by_entity
    group by cutoff_code, uta_scope
),

final as (
    select
        coalesce(uta_totals.cutoff_code, entity_totals.cutoff_code) as cutoff_code,
        coalesce(uta_totals.uta_scope, entity_totals.uta_scope) as uta_scope
    from uta_totals
    full outer join entity_totals
        on entity_totals.cutoff_code = uta_totals.cutoff_code
        and entity_totals.uta_scope = uta_totals.uta_scope
    where uta_totals.expected_activities is distinct from entity_totals.expected_activities
        or uta_totals.reported_activities is distinct from entity_totals.reported_activities
        or uta_totals.n_not_reported is distinct from entity_totals.n_not_reported
)

select * from final
