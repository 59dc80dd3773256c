{#- Generic test: a rejected delivery must carry at least one error, an accepted one none. -#}
{% test intake_rejected_have_problems(model) %}
select delivery_id, status, problem_count
from {{ model }}
where (status = 'rechazado' and problem_count = 0)
   or (status in ('aceptado', 'reemplazado') and problem_count > 0)
{% endtest %}
