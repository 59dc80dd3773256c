-- Governance maturity assessments as delivered, ratings normalised and scored 0 / 0,5 / 1.
with

source as (
    select * from {{ source('raw', 'maturity_assessments') }}
),

renamed as (
    select
        source.batch_id,
        source.source_row,
        source.file_name,
        source.file_sha256,
        source.loaded_at,
        upper(trim(source.entidad)) as entity_code,
        date_trunc('month', source.mes)::date as assessment_month,
        upper(trim(source.criterio)) as criterion_code,
        {{ action_plan_normalize_label('source.calificacion') }} as rating,
        nullif(trim(source.evidencia), '') as evidence
    from source
),

scored as (
    select
        renamed.*,
        {{ governance_rating_score('renamed.rating') }} as rating_score
    from renamed
)

select * from scored
