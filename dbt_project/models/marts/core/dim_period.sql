-- Month calendar (vars calendar_first_month → calendar_last_month in dbt_project.yml, read by the
-- loader too) with quarter, semester, year and Spanish labels.
with

months as (
    select generate_series(
        '{{ var("calendar_first_month") }}'::date,
        '{{ var("calendar_last_month") }}'::date,
        interval '1 month'
    )::date
        as period_month
),

final as (
    select
        period_month,
        (extract(year from period_month) * 100 + extract(month from period_month))::integer
            as period_key,
        extract(year from period_month)::integer as period_year,
        extract(month from period_month)::integer as month_number,
        extract(quarter from period_month)::integer as quarter_number,
        case when extract(month from period_month) <= 6 then 1 else 2 end as semester_number,
        (array['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'])[
            extract(month from period_month)::integer
        ] || ' ' || extract(year from period_month)::text as month_label,
        'T' || extract(quarter from period_month)::text || ' '
            || extract(year from period_month)::text as quarter_label,
        case when extract(month from period_month) <= 6 then 'S1 ' else 'S2 ' end
            || extract(year from period_month)::text as semester_label
    from months
)

select * from final
