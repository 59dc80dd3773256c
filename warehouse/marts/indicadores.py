"""Indicator explorer data in the shapes the views use (marts only).

Every figure comes from warehouse/marts/indicators.py, i.e. dbt's SQL functions
(marts.indicator_figure*, indicator_series, indicator_breakdown): no rule is re-implemented here.
Rows behind a figure, lineage with entity names and the catalogue are plain SELECTs on marts.*.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.marts import indicators, reference
from warehouse.marts.query import frame

GRAINS = ("month", "quarter", "year")
DIMENSIONS = ("sex", "age_group")


def figure_by_locality(
    code: str, start: date, end: date, entity: str | None = None, validated: bool = False
):
    """One row per locality with data (Distrito included): the rule-aware figure, population,
    figure per 1.000 inhabitants and rank among the localities (locality_rank of
    ranked_localities), all from marts.indicator_figure_by_locality (indicators module)."""
    result = indicators.figure_by_locality(code, start, end, entity, validated)
    columns = [
        "locality_code",
        "locality_name",
        "is_locality",
        "population_2024",
        "value",
        "months_with_data",
        "rate_per_1000",
        "locality_rank",
        "ranked_localities",
        "population_year",
    ]
    if result.empty:
        return pd.DataFrame(columns=columns)
    places = reference.localities()[["locality_code", "is_locality"]]
    merged = result.merge(places, on="locality_code", how="inner")
    return merged.rename(columns={"figure": "value"})[columns]


def series(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    grain: str,
    entity: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """The rule applied inside each month/quarter/year bucket (indicators.indicator_series)."""
    if grain not in GRAINS:
        raise ValueError(f"grano no válido: {grain}")
    result = indicators.indicator_series(code, start, end, localities, grain, entity, validated)
    result = result.rename(columns={"bucket_label": "label", "figure": "value"})
    return result[["bucket_month", "label", "value", "months_with_data"]]


def breakdown(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    dimension: str,
    entity: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """The rule-aware figure per sex or age group (indicators.indicator_breakdown)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"desagregación no válida: {dimension}")
    result = indicators.indicator_breakdown(
        code, start, end, dimension, localities, entity, validated
    )
    return result.rename(columns={"figure": "value"})[["category", "value", "months_with_data"]]


def value_rows(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    entity: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """The rows behind a figure: month, locality, sex and age group, as delivered (validated:
    from the validated deliveries only, fct_indicator_values_validated)."""
    return frame(
        "select p.month_label as mes, l.locality_name as localidad, f.sex as sexo, "
        "f.age_group as grupo_edad, f.indicator_value as valor, e.entity_short_name as entidad, "
        "f.batch_id as entrega, f.period_month, f.locality_code, f.is_total "
        "from (select * from marts.fct_indicator_values where not :validated union all "
        "select * from marts.fct_indicator_values_validated where :validated) as f "
        "join marts.dim_period as p using (period_month) "
        "join marts.dim_locality as l using (locality_code) "
        "join marts.dim_entity as e using (entity_code) "
        "where f.indicator_code = :code and f.period_month between :start and :end "
        "and (cast(:localities as text[]) is null or f.locality_code = any(:localities)) "
        "and (cast(:entity as text) is null or f.entity_code = :entity) "
        "order by f.period_month, l.sort_order, f.sex, f.age_group",
        {"code": code, "start": start, "end": end, "localities": localities, "entity": entity}
        | {"validated": validated},
        columns=[
            "mes",
            "localidad",
            "sexo",
            "grupo_edad",
            "valor",
            "entidad",
            "entrega",
            "period_month",
            "locality_code",
            "is_total",
        ],
    )


def lineage(code: str, start: date, end: date) -> pd.DataFrame:
    """Deliveries behind an indicator in the period (entity, file, date, rows, total); for a
    derived indicator, those of the indicators its dbt model reads (mart_metric_inputs)."""
    return frame(
        "select m.indicator_code, m.period_month, p.month_label, m.entity_code, "
        "e.entity_short_name, m.batch_id, m.file_name, m.file_sha256, m.loaded_at, m.row_count, "
        "m.value_total "
        "from marts.mart_indicator_lineage as m "
        "join marts.dim_period as p using (period_month) "
        "left join marts.dim_entity as e using (entity_code) "
        "where m.indicator_code in (select cast(:code as text) union all "
        "select i.input_code from marts.mart_metric_inputs as i "
        "where i.indicator_code = :code and i.input_kind = 'indicador') "
        "and m.period_month between :start and :end "
        "order by m.period_month, m.indicator_code, m.loaded_at",
        {"code": code, "start": start, "end": end},
        columns=[
            "indicator_code",
            "period_month",
            "month_label",
            "entity_code",
            "entity_short_name",
            "batch_id",
            "file_name",
            "file_sha256",
            "loaded_at",
            "row_count",
            "value_total",
        ],
    )


def metric_inputs(code: str) -> pd.DataFrame:
    """What a derived indicator is computed from (mart_metric_inputs, from dbt's graph): its
    model, each input (an indicator, with its name, or a dbt model); empty for a delivered one."""
    return frame(
        "select i.metric_model, i.input_code, i.input_kind, d.indicator_name as input_name "
        "from marts.mart_metric_inputs as i "
        "left join marts.dim_indicator as d on d.indicator_code = i.input_code "
        "where i.indicator_code = :code order by i.input_kind, i.input_code",
        {"code": code},
        columns=["metric_model", "input_code", "input_kind", "input_name"],
    )


def figure(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None = None,
    entity: str | None = None,
    validated: bool = False,
) -> dict:
    """indicators.indicator_figure as a plain dict: {'value', 'rule', 'first', 'last', 'months'}."""
    result = indicators.indicator_figure(code, start, end, localities, entity, validated)
    return {
        "value": result.value,
        "rule": result.aggregation_rule or None,
        "first": result.first_month,
        "last": result.last_month,
        "months": result.months_with_data,
    }


def catalogue() -> pd.DataFrame:
    """dim_indicator with UTA label and owner entity names (the catalogue page)."""
    return frame(
        "select i.indicator_code, i.indicator_name, i.definition, i.unit, i.entity_code, "
        "i.uta_code, i.frequency, i.aggregation_rule, i.allowed_disaggregations, "
        "i.is_publishable, i.pdd_goal_value, i.pdd_goal_year, u.uta_label, e.entity_name, "
        "e.entity_short_name, i.source_kind, i.ratio_per, i.formula "
        "from marts.dim_indicator as i "
        "left join marts.dim_uta as u using (uta_code) "
        "left join marts.dim_entity as e using (entity_code) "
        "order by u.sort_order, i.sort_order",
        columns=[
            "indicator_code",
            "indicator_name",
            "definition",
            "unit",
            "entity_code",
            "uta_code",
            "frequency",
            "aggregation_rule",
            "allowed_disaggregations",
            "is_publishable",
            "pdd_goal_value",
            "pdd_goal_year",
            "uta_label",
            "entity_name",
            "entity_short_name",
            "source_kind",
            "ratio_per",
            "formula",
        ],
    )
