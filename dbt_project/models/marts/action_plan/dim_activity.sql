-- The action plan's activities: UTA, kind (entidad / intersectorial / transversal) and entities.
with

activities as (
    select * from {{ ref('activities') }}
),

final as (
    select
        activity_code::text as activity_code,
        activity_name::text as activity_name,
        uta_code::text as uta_code,
        activity_kind::text as activity_kind,
        lead_entity_code::text as lead_entity_code,
        responsible_entity_codes::text as responsible_entity_codes,
        cardinality(string_to_array(responsible_entity_codes::text, '|'))::integer
            as responsible_entity_count,
        sort_order::integer as sort_order
    from activities
)

select * from final
