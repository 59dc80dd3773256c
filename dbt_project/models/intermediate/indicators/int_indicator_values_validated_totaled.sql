-- int_indicator_values_totaled over the validated deliveries only (the same macro, the same rule).
{{ indicator_values_totaled(ref('int_indicator_values_latest_validated')) }}
