{% test column_at_least(model, column_name, other_column) %}
-- Rows where the column is below another column of the same row (nulls are not_null's job).
select *
from {{ model }}
where {{ column_name }} < {{ other_column }}
{% endtest %}
