-- The criteria rated in each governance maturity assessment, with the MGI domain each belongs to.
with

criteria as (
    select * from {{ ref('maturity_criteria') }}
),

final as (
    select
        criteria.criterion_code::text as criterion_code,
        criteria.domain_code::text as domain_code,
        criteria.criterion_name::text as criterion_name,
        criteria.sort_order::integer as sort_order
    from criteria
)

select * from final
