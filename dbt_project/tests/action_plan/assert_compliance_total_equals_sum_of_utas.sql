-- The TOTAL row of mart_compliance_by_uta equals UTA1 + UTA2 + UTA3 (never TRANSVERSAL); returns mismatches.
with

by_uta as (
    select * from {{ ref('mart_compliance_by_uta') }}
),

summed as (
    select
        cutoff_code,
        sum(expected_activities) as expected_activities,
        sum(reported_activities) as reported_activities,
        sum(started_activities) as started_activities,
        sum(entity_activities) as entity_activities,
        sum(intersectoral_activities) as intersectoral_activities
    from by_uta
    where uta_code in ('UTA1', 'UTA2', 'UTA3')
    group by cutoff_code
),

final as (
    select total.cutoff_code
    from by_uta as total
    left join summed on summed.cutoff_code = total.cutoff_code
    where total.uta_code = 'TOTAL'
        and (
            summed.cutoff_code is null
            or total.expected_activities <> summed.expected_activities
            or total.reported_activities <> summed.reported_activities
            or total.started_activities <> summed.started_activities
            or total.entity_activities <> summed.entity_activities
            or total.intersectoral_activities <> summed.intersectoral_activities
        )
)

select * from final
