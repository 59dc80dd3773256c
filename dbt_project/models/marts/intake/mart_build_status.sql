{{ config(materialized='view') }}
-- Is the dashboard behind its intake? One row, read live at query time (a view, unlike every
-- other mart): the last successful build, the last finished attempt and whether it failed, and
-- the accepted deliveries that arrived after the last successful build (loaded, not yet shown).
-- It reads the intake sources directly, not staging views: dbt replaces staging views with
-- `drop ... cascade` on every build, which would drop this view from the marts in service.
with

builds as (
    select * from {{ source('intake', 'builds') }}
),

deliveries as (
    select * from {{ source('intake', 'deliveries') }}
),

last_success as (
    select finished_at, coalesce(last_delivery_id, 0) as last_delivery_id
    from builds
    where succeeded
    order by build_id desc
    limit 1
),

last_attempt as (
    select finished_at, succeeded
    from builds
    where finished_at is not null
    order by build_id desc
    limit 1
),

final as (
    select
        (select finished_at from last_success) as last_success_at,
        (select finished_at from last_attempt) as last_attempt_at,
        coalesce((select not succeeded from last_attempt), false) as last_attempt_failed,
        (
            select count(*)
            from deliveries
            where deliveries.status = 'aceptado'
                and deliveries.delivery_id > coalesce((select last_delivery_id from last_success), 0)
        )::integer as pending_deliveries
)

select * from final
