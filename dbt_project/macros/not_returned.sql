{#- The rows of `relation` (a CTE or ref carrying batch_id = intake delivery id) whose delivery the
    technical secretariat has not returned («devuelto»): a returned delivery feeds no figure, so
    the latest-delivery rule then falls back to the entity's earlier delivery. Every
    intermediate "latest" model filters through this before ranking deliveries. -#}
{% macro not_returned(relation) -%}
    select {{ relation }}.*
    from {{ relation }}
    left join {{ ref('stg_intake__delivery_reviews') }} as reviews
        on reviews.delivery_id = {{ relation }}.batch_id
    where reviews.review_state is distinct from 'devuelto'
{%- endmacro %}
