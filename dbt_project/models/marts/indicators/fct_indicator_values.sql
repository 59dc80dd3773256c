-- Indicator values at month × locality × disaggregation grain, from the latest delivery
-- (with totals derived where an entity sent only disaggregated rows), and the derived
-- indicators' rows (models/metrics/, through int_metric_values, chain 'all').
{{ indicator_values_fact(ref('int_indicator_values_totaled'), chain='all') }}
