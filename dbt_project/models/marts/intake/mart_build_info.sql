-- One row: when this set of marts was built (the app's cache key) and the newest delivery it saw.
with

deliveries as (
    select * from {{ ref('stg_intake__deliveries') }}
),

final as (
    select
        now() as built_at,
        '{{ invocation_id }}'::text as dbt_invocation_id,
        (select max(delivery_id) from deliveries) as last_delivery_id
)

select * from final
