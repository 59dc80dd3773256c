-- The action plan's thematic units (UTA 1–3) and the transversal group.
with

utas as (
    select * from {{ ref('utas') }}
),

final as (
    select
        uta_code::text as uta_code,
        uta_number::integer as uta_number,
        uta_name::text as uta_name,
        case when uta_number is null then uta_name::text
            else 'UTA ' || uta_number::text || ' – ' || uta_name::text
        end as uta_label,
        uta_objective::text as uta_objective,
        sort_order::integer as sort_order
    from utas
)

select * from final
