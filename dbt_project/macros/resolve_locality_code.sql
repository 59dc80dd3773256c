{#- The locality code of a staged row: '00' (Distrito) when the entity left it empty, else the
    alias seed's match, else the code the loader resolved by fuzzy match, else '99' (unknown).
    Shared by every staging model that carries a locality. -#}
{% macro resolve_locality_code(locality_text, alias_code, loader_code) -%}
    case
        when {{ locality_text }} is null then '00'
        else coalesce({{ alias_code }}, {{ loader_code }}, '99')
    end
{%- endmacro %}
