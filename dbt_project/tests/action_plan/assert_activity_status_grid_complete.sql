-- fct_activity_status has exactly one row per activity × cut-off, and mart_compliance_by_uta
-- five rows per cut-off (UTA1–3, TOTAL, TRANSVERSAL); returns the cut-offs that break either.
with

activity_status as (
    select * from {{ ref('fct_activity_status') }}
),

by_uta as (
    select * from {{ ref('mart_compliance_by_uta') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

activity_count as (
    select count(*) as n from {{ ref('dim_activity') }}
),

per_cutoff as (
    select
        cutoffs.cutoff_code,
        (select count(*) from activity_status where activity_status.cutoff_code = cutoffs.cutoff_code)
            as status_rows,
        (select count(*) from by_uta where by_uta.cutoff_code = cutoffs.cutoff_code) as uta_rows
    from cutoffs
),

final as (
    select per_cutoff.*
    from per_cutoff
    cross join activity_count
    where per_cutoff.status_rows <> activity_count.n or per_cutoff.uta_rows <> 5
)

select * from final
