-- Every derived indicator's rows: the union of the models of models/metrics/ (macro
-- union_metric_models; a new model there needs no edit here), each with its indicator code
-- (metric_<code in lower case>). fct_indicator_values and fct_indicator_values_validated add
-- them to the delivered values by chain.
{{ union_metric_models() }}
