-- int_maturity_assessments_deduplicated keeps one rating per assessment month and criterion.
-- Returns the (month, criterion) pairs that still have several.
select assessment_month, criterion_code, count(*) as ratings
from {{ ref('int_maturity_assessments_deduplicated') }}
group by assessment_month, criterion_code
having count(*) > 1
