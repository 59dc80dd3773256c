"""Indicator explorer queries the app needs beyond dash_app/data/indicators.py (marts only).

Every figure comes from dbt's SQL functions (marts.indicator_figure_by_locality,
marts.indicator_series): the aggregation rule is never re-implemented here.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dash_app.data.sql import frame

GRAINS = ("month", "quarter", "year")
DIMENSIONS = ("sex", "age_group")


def figure_by_locality(code: str, start: date, end: date, entity: str | None = None):
    """One row per locality with data (Distrito included): the rule-aware figure and population."""
    return frame(
        "select f.locality_code, f.locality_name, l.is_locality, l.population_2024, "
        "f.figure as value, f.months_with_data "
        "from marts.indicator_figure_by_locality(:code, :start, :end, :entity) as f "
        "join marts.dim_locality as l on l.locality_code = f.locality_code "
        "order by l.sort_order",
        {"code": code, "start": start, "end": end, "entity": entity},
        columns=[
            "locality_code",
            "locality_name",
            "is_locality",
            "population_2024",
            "value",
            "months_with_data",
        ],
    )


def series(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    grain: str,
    entity: str | None = None,
) -> pd.DataFrame:
    """The rule applied inside each month/quarter/year bucket (marts.indicator_series)."""
    if grain not in GRAINS:
        raise ValueError(f"grano no válido: {grain}")
    return frame(
        "select bucket_month, bucket_label as label, figure as value, months_with_data "
        "from marts.indicator_series(:code, :start, :end, cast(:localities as text[]), "
        ":grain, :entity) order by bucket_month",
        {
            "code": code,
            "start": start,
            "end": end,
            "localities": localities,
            "grain": grain,
            "entity": entity,
        },
        columns=["bucket_month", "label", "value", "months_with_data"],
    )


def breakdown(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    dimension: str,
    entity: str | None = None,
) -> pd.DataFrame:
    """The rule-aware figure per sex or age group (marts.indicator_breakdown)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"desagregación no válida: {dimension}")
    return frame(
        "select category, figure as value, months_with_data "
        "from marts.indicator_breakdown(:code, :start, :end, cast(:localities as text[]), "
        ":dimension, :entity)",
        {
            "code": code,
            "start": start,
            "end": end,
            "localities": localities,
            "dimension": dimension,
            "entity": entity,
        },
        columns=["category", "value", "months_with_data"],
    )


def value_rows(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None,
    entity: str | None = None,
) -> pd.DataFrame:
    """The rows behind a figure: month, locality, sex and age group, as delivered."""
    return frame(
        "select p.month_label as mes, l.locality_name as localidad, f.sex as sexo, "
        "f.age_group as grupo_edad, f.indicator_value as valor, e.entity_short_name as entidad, "
        "f.batch_id as entrega, f.period_month, f.locality_code, f.is_total "
        "from marts.fct_indicator_values as f "
        "join marts.dim_period as p using (period_month) "
        "join marts.dim_locality as l using (locality_code) "
        "join marts.dim_entity as e using (entity_code) "
        "where f.indicator_code = :code and f.period_month between :start and :end "
        "and (cast(:localities as text[]) is null or f.locality_code = any(:localities)) "
        "and (cast(:entity as text) is null or f.entity_code = :entity) "
        "order by f.period_month, l.sort_order, f.sex, f.age_group",
        {"code": code, "start": start, "end": end, "localities": localities, "entity": entity},
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
    """Deliveries behind an indicator in the period (entity, file, date, rows, total)."""
    return frame(
        "select m.period_month, p.month_label, m.entity_code, e.entity_short_name, m.batch_id, "
        "m.file_name, m.file_sha256, m.loaded_at, m.row_count, m.value_total "
        "from marts.mart_indicator_lineage as m "
        "join marts.dim_period as p using (period_month) "
        "left join marts.dim_entity as e using (entity_code) "
        "where m.indicator_code = :code and m.period_month between :start and :end "
        "order by m.period_month, m.loaded_at",
        {"code": code, "start": start, "end": end},
        columns=[
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


def figure(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None = None,
    entity: str | None = None,
) -> dict:
    """marts.indicator_figure with the entity filter: {'value', 'rule', 'first', 'last'}."""
    result = frame(
        "select aggregation_rule, figure, months_with_data, first_month, last_month "
        "from marts.indicator_figure(:code, :start, :end, cast(:localities as text[]), :entity)",
        {"code": code, "start": start, "end": end, "localities": localities, "entity": entity},
        columns=["aggregation_rule", "figure", "months_with_data", "first_month", "last_month"],
    )
    if result.empty:
        return {"value": None, "rule": None, "first": None, "last": None, "months": 0}
    row = result.iloc[0]
    value = row["figure"]
    return {
        "value": None if pd.isna(value) else value,
        "rule": row["aggregation_rule"],
        "first": row["first_month"],
        "last": row["last_month"],
        "months": int(row["months_with_data"] or 0),
    }


def catalogue() -> pd.DataFrame:
    """dim_indicator with UTA label and owner entity names (the catalogue page)."""
    return frame(
        "select i.indicator_code, i.indicator_name, i.definition, i.unit, i.entity_code, "
        "i.uta_code, i.frequency, i.aggregation_rule, i.allowed_disaggregations, "
        "i.is_publishable, i.pdd_goal_value, i.pdd_goal_year, u.uta_label, e.entity_name, "
        "e.entity_short_name "
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
        ],
    )
