-- UTA2_EPS_COBERTURA_SISBEN (a derived indicator, rule ratio): per locality and month, the
-- persons affiliated to an EPS (numerator) and the persons with a Sisbén survey (denominator),
-- where both were delivered. The catalogue aggregates the numerator as a monthly average and
-- the denominator as a stock (last month) over the period, then divides (× 100).
with

inputs as (
    select * from {{ ref('int_metric_inputs') }}
),

eps as (
    select chain, locality_code, period_month, value
    from inputs
    where indicator_code = 'UTA2_EPS_AFILIADOS'
),

sisben as (
    select chain, locality_code, period_month, value
    from inputs
    where indicator_code = 'UTA1_SISBEN'
),

final as (
    select
        eps.chain,
        eps.locality_code,
        eps.period_month,
        null::numeric as value,
        eps.value as numerator,
        sisben.value as denominator
    from eps
    inner join sisben
        on sisben.chain = eps.chain
        and sisben.locality_code = eps.locality_code
        and sisben.period_month = eps.period_month
)

select * from final
