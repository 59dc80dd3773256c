-- Distinct persons of each person-level indicator and entity at each follow-up cut-off (all
-- localities): each person counts once over the cut-off's months, beside person_months (the sum
-- of the monthly distinct counts). Same aggregate as the SQL function person_count.
with

person_months as (
    select * from {{ ref('fct_person_months') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

final as (
    select
        {{ dbt_utils_surrogate_key([
            'person_months.indicator_code', 'person_months.entity_code', 'cutoffs.cutoff_code'
        ]) }} as person_cutoff_key,
        person_months.indicator_code,
        person_months.entity_code,
        cutoffs.cutoff_code,
        cutoffs.start_month as cutoff_start_month,
        cutoffs.end_month as cutoff_end_month,
        {{ person_period_counts('person_months.person_pseudonym', 'person_months.period_month') }}
    from person_months
    inner join cutoffs
        on person_months.period_month between cutoffs.start_month and cutoffs.end_month
    group by
        person_months.indicator_code,
        person_months.entity_code,
        cutoffs.cutoff_code,
        cutoffs.start_month,
        cutoffs.end_month
)

select * from final
