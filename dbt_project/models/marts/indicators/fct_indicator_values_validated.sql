-- fct_indicator_values over the deliveries the technical secretariat validated: what the public
-- page and the «solo validados» switch show (the same macro, the same grain and columns); the
-- derived indicators computed from validated deliveries only (int_metric_values, chain 'validated').
{{ indicator_values_fact(ref('int_indicator_values_validated_totaled'), chain='validated') }}
