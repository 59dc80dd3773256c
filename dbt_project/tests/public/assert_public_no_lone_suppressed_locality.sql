-- Complementary suppression: within an indicator × cut-off, zero or at least two localities are
-- withheld, so a lone withheld figure can never be recovered as district total minus the rest.
with

public_figures as (
    select * from {{ ref('mart_public_locality_figures') }}
),

final as (
    select indicator_code, cutoff_code, count(*) filter (where is_suppressed) as suppressed
    from public_figures
    where not is_district_total
    group by indicator_code, cutoff_code
    having count(*) filter (where is_suppressed) = 1
)

select * from final
