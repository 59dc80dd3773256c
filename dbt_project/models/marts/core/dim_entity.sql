-- Every entity of the catalogue (committee members and external sources) with its codes, names and kind.
with

entities as (
    select * from {{ ref('entities') }}
),

final as (
    select
        entity_code::text as entity_code,
        entity_name::text as entity_name,
        entity_short_name::text as entity_short_name,
        entity_kind::text as entity_kind,
        is_committee_member::boolean as is_committee_member,
        quorum_order::integer as quorum_order
    from entities
)

select * from final
