-- mart_indicator_cutoff_figures over validated deliveries only (fct_indicator_values_validated):
-- the source of the public page, which therefore changes only after a validation.
{{ indicator_cutoff_figures(ref('fct_indicator_values_validated')) }}
