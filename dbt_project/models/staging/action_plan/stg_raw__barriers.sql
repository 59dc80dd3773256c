-- Barriers and highlighted activities as delivered, with UTA, cut-off and kind normalised.
with

source as (
    select * from {{ source('raw', 'barriers') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        {{ action_plan_normalize_code('source.uta') }} as uta_code,
        {{ action_plan_normalize_code('source.corte') }} as cutoff_code,
        {{ action_plan_normalize_label('source.tipo') }} as item_kind,
        regexp_replace(trim(source.texto), '\s+', ' ', 'g') as item_text
    from source
)

select * from renamed
