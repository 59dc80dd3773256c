-- Reporting compliance counts committee members only (docs/dominio.md): every entity that leads
-- or shares an action-plan activity, and so every entity of fct_reporting_compliance, is a
-- committee member — an external source (entities.is_committee_member false: a national agency,
-- DANE, cooperation) delivers indicator values only. Returns the offending entities.
with

activities as (
    select * from {{ ref('dim_activity') }}
),

entities as (
    select * from {{ ref('dim_entity') }}
),

compliance as (
    select * from {{ ref('fct_reporting_compliance') }}
),

named as (
    select lead_entity_code as entity_code from activities
    union
    select unnest(string_to_array(responsible_entity_codes, '|')) from activities
    union
    select entity_code from compliance
)

select named.entity_code
from named
left join entities on entities.entity_code = named.entity_code
where named.entity_code <> '' and not coalesce(entities.is_committee_member, false)
