-- Latest delivered values plus a derived total row for every (entity, indicator, locality, month)
-- that came only disaggregated: the sum of ONE disaggregation (sex, else age group, else sex × age).
{{ indicator_values_totaled(ref('int_indicator_values_latest')) }}
