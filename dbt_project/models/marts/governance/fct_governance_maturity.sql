-- Maturity score (0–1) and level per assessment month and MGI domain, from the latest ratings.
with

latest_ratings as (
    select * from {{ ref('int_maturity_assessments_deduplicated') }}
),

criteria as (
    select * from {{ ref('dim_maturity_criterion') }}
),

domains as (
    select * from {{ ref('dim_maturity_domain') }}
),

levels as (
    select * from {{ ref('dim_maturity_level') }}
),

months as (
    select distinct assessment_month from latest_ratings
),

-- Every criterion of the catalogue counts; one not rated that month scores as ausente (0).
scored as (
    select
        months.assessment_month,
        criteria.domain_code::text as domain_code,
        latest_ratings.rating_score
    from months
    cross join criteria
    left join latest_ratings
        on latest_ratings.assessment_month = months.assessment_month
        and latest_ratings.criterion_code = criteria.criterion_code::text
),

by_domain as (
    select
        assessment_month,
        domain_code,
        count(*)::integer as criteria_count,
        count(rating_score)::integer as assessed_criteria,
        avg(coalesce(rating_score, 0))::double precision as score
    from scored
    group by assessment_month, domain_code
),

top_level as (
    select max(max_score::numeric) as max_score from levels
),

final as (
    select
        by_domain.assessment_month,
        by_domain.domain_code,
        domains.domain_name::text as domain_name,
        by_domain.criteria_count,
        by_domain.assessed_criteria,
        by_domain.score,
        levels.level_code::text as level_code,
        levels.level_name::text as level_name
    from by_domain
    inner join domains on domains.domain_code::text = by_domain.domain_code
    cross join top_level
    left join levels
        on by_domain.score >= levels.min_score::double precision
        and (
            by_domain.score < levels.max_score::double precision
            or levels.max_score::numeric = top_level.max_score
        )
)

select * from final
