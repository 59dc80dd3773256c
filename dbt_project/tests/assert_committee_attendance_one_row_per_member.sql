-- Live attendance has one row per session and member entity (the latest mark only).
select session_id, entity_code, count(*) as rows_
from {{ ref('mart_committee_attendance') }}
group by session_id, entity_code
having count(*) > 1
