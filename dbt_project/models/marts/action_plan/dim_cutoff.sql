-- The follow-up cut-offs (cortes) of the action plan, e.g. 2024-C1 "enero–mayo 2024".
with

cutoffs as (
    select * from {{ ref('cutoffs') }}
),

final as (
    select
        cutoff_code::text as cutoff_code,
        cutoff_name::text as cutoff_name,
        start_month::date as start_month,
        end_month::date as end_month,
        report_deadline::date as report_deadline,
        sort_order::integer as sort_order
    from cutoffs
)

select * from final
