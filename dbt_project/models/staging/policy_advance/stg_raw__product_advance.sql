-- Product advance reports as delivered: codes trimmed and upper-cased, the note trimmed.
with

source as (
    select * from {{ source('raw', 'product_advance') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        {{ action_plan_normalize_code('source.producto') }} as product_code,
        {{ action_plan_normalize_code('source.corte') }} as cutoff_code,
        source.valor_reportado::numeric as reported_value,
        nullif(trim(source.nota), '') as progress_note
    from source
)

select * from renamed
