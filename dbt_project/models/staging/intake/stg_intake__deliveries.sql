-- Received files as archived by the loader, without their bytes, with error and warning counts.
with

source as (
    select * from {{ source('intake', 'deliveries') }}
),

renamed as (
    select
        source.delivery_id,
        upper(nullif(trim(source.entity_code), '')) as entity_code,
        source.kind,
        source.file_name,
        source.file_sha256,
        source.file_size,
        source.content_kind,
        source.submitter,
        source.received_at,
        source.status,
        source.row_count,
        source.supersedes_delivery_id,
        coalesce(source.periods, '{}'::text[]) as periods,
        coalesce(
            (
                select count(*)
                from jsonb_array_elements(coalesce(source.error_report, '[]'::jsonb)) as problem
                where problem ->> 'severity' = 'error'
            ),
            0
        )::integer as problem_count,
        coalesce(
            (
                select count(*)
                from jsonb_array_elements(coalesce(source.error_report, '[]'::jsonb)) as problem
                where problem ->> 'severity' = 'aviso'
            ),
            0
        )::integer as warning_count
    from source
)

select * from renamed
