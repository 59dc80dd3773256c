-- Complementary suppression: within an indicator × cut-off, zero or at least two localities are
-- withheld, so a lone withheld figure can never be recovered as district total minus the rest.
-- The one exception is a table whose district total is withheld too (a single locality below
-- the threshold): then there is nothing to subtract from.
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
        and not exists (
            select 1
            from public_figures as district
            where district.indicator_code = public_figures.indicator_code
                and district.cutoff_code = public_figures.cutoff_code
                and district.is_district_total
                and district.is_suppressed
        )
)

select * from final
