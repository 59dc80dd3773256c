-- Indicator values at month × locality × disaggregation grain, from the latest delivery
-- (with totals derived where an entity sent only disaggregated rows).
{{ indicator_values_fact(ref('int_indicator_values_totaled')) }}
