-- Indicator values as delivered, with trimmed codes and locality spellings resolved to codes
-- (alias seed first, then the code the loader resolved by fuzzy match, else '99').
with

source as (
    select * from {{ source('raw', 'indicator_values') }}
),

aliases as (
    select * from {{ ref('locality_aliases') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        upper(trim(source.indicador)) as indicator_code,
        nullif(trim(source.localidad), '') as locality_text,
        nullif(trim(source.localidad_codigo), '') as loader_locality_code,
        {{ normalize_locality('source.localidad') }} as locality_normalized,
        source.mes::date as period_month,
        source.valor::numeric as indicator_value,
        coalesce(nullif(lower(trim(source.sexo)), ''), 'total') as sex,
        coalesce(nullif(lower(trim(source.grupo_edad)), ''), 'total') as age_group
    from source
),

resolved as (
    select
        renamed.*,
        {{ resolve_locality_code(
            'renamed.locality_text', 'aliases.locality_code', 'renamed.loader_locality_code'
        ) }} as locality_code,
        case
            when renamed.locality_text is null then 'distrito'
            when aliases.locality_code is not null then 'alias'
            when renamed.loader_locality_code is not null then 'cargador'
            else 'desconocida'
        end as locality_resolution
    from renamed
    left join aliases on aliases.alias_normalized = renamed.locality_normalized
)

select * from resolved
