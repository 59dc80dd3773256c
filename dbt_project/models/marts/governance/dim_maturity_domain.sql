-- The six IOM Migration Governance Indicators (MGI) domains used to assess maturity, with criteria counts.
with

domains as (
    select * from {{ ref('maturity_domains') }}
),

criteria as (
    select * from {{ ref('maturity_criteria') }}
),

criteria_counts as (
    select domain_code, count(*)::integer as criteria_count
    from criteria
    group by domain_code
),

final as (
    select
        domains.domain_code::text as domain_code,
        domains.domain_name::text as domain_name,
        domains.domain_description::text as domain_description,
        coalesce(criteria_counts.criteria_count, 0)::integer as criteria_count,
        domains.sort_order::integer as sort_order
    from domains
    left join criteria_counts on criteria_counts.domain_code = domains.domain_code
)

select * from final
