-- Activity status reports as delivered, codes trimmed and statuses normalised case/accent-insensitively.
with

source as (
    select * from {{ source('raw', 'activity_status') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        {{ action_plan_normalize_code('source.actividad') }} as activity_code,
        {{ action_plan_normalize_code('source.corte') }} as cutoff_code,
        trim(source.estado) as status_text,
        {{ action_plan_normalize_label('source.estado') }} as status,
        nullif(trim(source.avance), '') as progress_note
    from source
)

select * from renamed
