{#- The rows the person marts (fct_person_months, fct_person_counts, both incremental) read:
    the latest delivery of each (entity, indicator, month), int_person_services_latest.

    On an incremental run only the months whose newest delivery is not the one the table already
    holds: a new month, or a re-delivery (correction) of an old one. The models' delete+insert on
    (entity_code, indicator_code, period_month) then replaces each such month as a whole, as a full
    build would (persons missing from the correction disappear). Comparing the newest batch per
    month, not a single "batch id above the table's highest" watermark, keeps a delivery that
    committed after a later-numbered one from being skipped. The ranking runs on the changed
    months only, with the same rule (latest_delivery). -#}
{% macro latest_person_services() %}
{%- if is_incremental() -%}
    select changed_services.*
    from (
        {{ latest_delivery('changed_rows', ['entity_code', 'indicator_code', 'period_month']) }}
    ) as changed_services
{%- else -%}
    select * from {{ ref('int_person_services_latest') }}
{%- endif -%}
{% endmacro %}

{#- The CTEs an incremental run needs before latest_person_services(): `changed_rows`, the staged
    services of the months whose newest batch differs from the one held in {{ this }}. -#}
{% macro changed_person_months() %}
{%- if is_incremental() %}
services as (
    select * from {{ ref('stg_raw_persons__person_services') }}
),

delivered_months as (
    select entity_code, indicator_code, period_month, max(batch_id) as batch_id
    from services
    group by entity_code, indicator_code, period_month
),

held_months as (
    select entity_code, indicator_code, period_month, max(batch_id) as batch_id
    from {{ this }}
    group by entity_code, indicator_code, period_month
),

changed_months as (
    select delivered_months.entity_code, delivered_months.indicator_code, delivered_months.period_month
    from delivered_months
    left join held_months
        on held_months.entity_code = delivered_months.entity_code
        and held_months.indicator_code = delivered_months.indicator_code
        and held_months.period_month = delivered_months.period_month
    where held_months.batch_id is distinct from delivered_months.batch_id
),

changed_rows as (
    select services.*
    from services
    inner join changed_months
        on changed_months.entity_code = services.entity_code
        and changed_months.indicator_code = services.indicator_code
        and changed_months.period_month = services.period_month
),
{% endif -%}
{% endmacro %}
