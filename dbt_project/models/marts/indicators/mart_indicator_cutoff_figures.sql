-- Every indicator's figure for every follow-up cut-off, for all localities together ('todas')
-- and for each locality with data: the rule applied by the macro aggregate_by_rule, the same
-- macro the SQL functions use, so this model's unit tests pin the rule for the whole product.
-- Each figure covers the indicator's own window at the cut-off (mart_indicator_cutoff_windows).
{{ indicator_cutoff_figures(ref('fct_indicator_values')) }}
