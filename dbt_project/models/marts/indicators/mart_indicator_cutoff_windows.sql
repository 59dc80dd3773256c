-- The months each indicator's figure covers at each follow-up cut-off. Usually the cut-off's own
-- months; an indicator whose source publishes late (catalogue cutoff_lag_months) is reported at
-- the cut-off for a window ending that many months earlier. The committee's deck gives the EPS
-- affiliation average for enero–abril in the enero–mayo 2024 cut-off: its own period.
-- The window never ends before it starts: a lag as long as the cut-off leaves its first month.
with

indicators as (
    select * from {{ ref('dim_indicator') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['indicators.indicator_code', 'cutoffs.cutoff_code']) }}
            as cutoff_window_key,
        indicators.indicator_code,
        cutoffs.cutoff_code,
        cutoffs.start_month as cutoff_start_month,
        cutoffs.end_month as cutoff_end_month,
        indicators.cutoff_lag_months,
        cutoffs.start_month as window_start_month,
        greatest(
            cutoffs.start_month,
            (cutoffs.end_month - make_interval(months => indicators.cutoff_lag_months))::date
        ) as window_end_month,
        -- a stock that stays valid N months (stock_validity_months) may show the latest value
        -- of the N months ending at the window's end when the window itself has no data month
        case when indicators.aggregation_rule = 'last' then least(
            cutoffs.start_month,
            (greatest(
                cutoffs.start_month,
                (cutoffs.end_month - make_interval(months => indicators.cutoff_lag_months))::date
            ) - make_interval(months => indicators.stock_validity_months - 1))::date
        ) else cutoffs.start_month end as lookback_start_month
    from indicators
    cross join cutoffs
)

select * from final
