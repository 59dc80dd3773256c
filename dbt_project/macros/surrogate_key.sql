{#- md5 of the given columns joined by '|' (nulls as ''), like dbt_utils.generate_surrogate_key,
    written here because hub packages cannot be installed offline. -#}
{% macro dbt_utils_surrogate_key(columns) -%}
    md5({%- for col in columns -%}coalesce(cast({{ col }} as text), ''){%- if not loop.last %} || '|' || {% endif -%}{%- endfor -%})
{%- endmacro %}
