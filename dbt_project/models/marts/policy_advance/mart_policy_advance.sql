-- The policy's weighted advance and weighted goal per cut-off: overall, per UTA and per
-- responsible entity, each scope weighing its own products (the rule is in the YAML).
{%- set scopes = [
    ('politica', "'TOTAL'::text"),
    ('uta', 'product_advance.uta_code'),
    ('entidad', 'product_advance.entity_code'),
] %}
with

product_advance as (
    select * from {{ ref('fct_product_advance') }}
),

cutoffs as (
    select * from {{ ref('dim_cutoff') }}
),

utas as (
    select * from {{ ref('dim_uta') }}
),

entities as (
    select * from {{ ref('dim_entity') }}
),

weighted as (
    {%- for kind, code in scopes %}
    select
        '{{ kind }}'::text as scope_kind,
        {{ code }} as scope_code,
        product_advance.cutoff_code,
        count(*)::integer as products,
        count(*) filter (where product_advance.is_reported)::integer as reported_products,
        sum(product_advance.weight_pct) as weight_pct,
        sum(product_advance.weight_pct * product_advance.advance_share) as weighted_advance,
        sum(product_advance.weight_pct * product_advance.goal_share) as weighted_goal
    from product_advance
    group by {{ code }}, product_advance.cutoff_code
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select
        {{ dbt_utils_surrogate_key(['weighted.scope_kind', 'weighted.scope_code', 'weighted.cutoff_code']) }}
            as policy_advance_key,
        weighted.scope_kind,
        weighted.scope_code,
        case weighted.scope_kind
            when 'politica' then 'Política pública'
            when 'uta' then coalesce(utas.uta_label, weighted.scope_code)
            else coalesce(entities.entity_short_name, weighted.scope_code)
        end::text as scope_name,
        weighted.cutoff_code,
        cutoffs.cutoff_name,
        cutoffs.end_month as cutoff_end_month,
        cutoffs.sort_order as cutoff_sort_order,
        weighted.products,
        weighted.reported_products,
        weighted.weight_pct,
        (weighted.weighted_advance / nullif(weighted.weight_pct, 0))::double precision
            as advance_ratio,
        (weighted.weighted_goal / nullif(weighted.weight_pct, 0))::double precision as goal_ratio,
        ((weighted.weighted_goal - weighted.weighted_advance) / nullif(weighted.weight_pct, 0))
            ::double precision as gap_ratio
    from weighted
    inner join cutoffs on cutoffs.cutoff_code = weighted.cutoff_code
    left join utas on weighted.scope_kind = 'uta' and utas.uta_code = weighted.scope_code
    left join entities
        on weighted.scope_kind = 'entidad' and entities.entity_code = weighted.scope_code
)

select * from final
