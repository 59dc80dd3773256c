-- The Centros Intégrate (seed integrate_centres) with their locality's name.
with

centres as (
    select * from {{ ref('integrate_centres') }}
),

localities as (
    select * from {{ ref('dim_locality') }}
),

final as (
    select
        centres.centre_code::text as centre_code,
        centres.centre_name::text as centre_name,
        centres.locality_code::text as locality_code,
        localities.locality_name,
        centres.address::text as address,
        centres.services::text as services,
        centres.opening_date::date as opening_date,
        centres.source::text as source
    from centres
    left join localities using (locality_code)
)

select * from final
