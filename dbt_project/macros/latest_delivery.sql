{#- "The latest delivery wins", the one rule every re-delivery follows, as a select over `relation`
    (a CTE or ref holding loaded_at, batch_id and, for keep='row', source_row):
      keep='delivery' (default): every row of the latest delivery per `partition_by` key — a
        re-delivery replaces the earlier one as a whole (dense_rank, ties = the same delivery);
      keep='row': the single latest row per key — later loads, then later batches, then later
        rows of the same file win (row_number).
    The result carries the ranking column `rank_column` (default delivery_rank, always 1); a
    second ranking over the result names another one. The calling model's final CTE names the
    columns it keeps. -#}
{% macro latest_delivery(relation, partition_by, keep='delivery', rank_column='delivery_rank') -%}
    {%- if keep not in ('delivery', 'row') -%}
        {{ exceptions.raise_compiler_error("latest_delivery: keep must be 'delivery' or 'row', not " ~ keep) }}
    {%- endif -%}
    select ranked.*
    from (
        select
            {{ relation }}.*,
            {{ 'dense_rank' if keep == 'delivery' else 'row_number' }}() over (
                partition by {{ partition_by | join(', ') }}
                order by loaded_at desc, batch_id desc{{ ', source_row desc' if keep == 'row' }}
            ) as {{ rank_column }}
        from {{ relation }}
    ) as ranked
    where ranked.{{ rank_column }} = 1
{%- endmacro %}
