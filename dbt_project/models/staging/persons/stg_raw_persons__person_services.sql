-- Person-level services as delivered (already pseudonymised), with codes trimmed and the
-- locality resolved (alias seed first, then the loader's fuzzy match; '00' when empty).
with

source as (
    select * from {{ source('raw_persons', 'person_services') }}
),

aliases as (
    select * from {{ ref('locality_aliases') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        upper(trim(source.indicador)) as indicator_code,
        nullif(trim(source.localidad), '') as locality_text,
        {{ normalize_locality('source.localidad') }} as locality_normalized,
        source.localidad_codigo as loader_locality_code,
        source.mes::date as period_month,
        upper(trim(source.tipo_documento)) as document_type,
        source.persona_seudonimo as person_pseudonym
    from source
),

resolved as (
    select
        renamed.*,
        {{ resolve_locality_code(
            'renamed.locality_text', 'aliases.locality_code', 'renamed.loader_locality_code'
        ) }} as locality_code
    from renamed
    left join aliases on aliases.alias_normalized = renamed.locality_normalized
)

select * from resolved
