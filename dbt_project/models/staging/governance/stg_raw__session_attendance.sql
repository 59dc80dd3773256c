-- Committee session attendance as delivered: one row per session date and entity.
with

source as (
    select * from {{ source('raw', 'session_attendance') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        source.fecha_sesion::date as session_date,
        upper(trim(source.entidad)) as entity_code,
        source.asiste::boolean as attended
    from source
)

select * from renamed
