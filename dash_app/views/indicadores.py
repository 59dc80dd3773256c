"""Indicadores: one indicator explored (definition, rule, series, ranking, breakdown, lineage)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, filters_text, graph, kpi_card
from dash_app.components.indicator_controls import Choice, indicator_selector_row
from dash_app.components.table import export_buttons, grid
from dash_app.figures.charts import breakdown_bar, ranking_bar, series_bar
from dash_app.state import FilterState
from dash_app.views import common, downloads, lineage
from warehouse.formatting import (
    format_month_range,
    format_number,
)
from warehouse.marts import indicadores, persons

PREFIX = "ind"
ID_SELECT, ID_GRAIN, ID_DIMENSION = f"{PREFIX}-select", f"{PREFIX}-grain", f"{PREFIX}-dimension"
ID_SERIES, ID_RANKING, ID_BREAKDOWN = f"{PREFIX}-series", f"{PREFIX}-ranking", f"{PREFIX}-breakdown"
ID_TABLE, ID_LINEAGE, ID_KPI = f"{PREFIX}-table", f"{PREFIX}-lineage", f"{PREFIX}-kpi"
ID_PERSONS = f"{PREFIX}-persons"
K_INDICATOR, K_GRAIN, K_DIMENSION = "indicador", "grano", "desagregacion"
GRAINS = {"mes": ("month", "mes"), "trimestre": ("quarter", "trimestre"), "año": ("year", "año")}
DIMENSIONS = {"sexo": ("sex", "sexo"), "grupo_edad": ("age_group", "grupo de edad")}
TABLE_COLUMNS = {
    "mes": "Mes",
    "localidad": "Localidad",
    "sexo": "Sexo",
    "grupo_edad": "Grupo de edad",
    "valor": "Valor",
    "fila": "Fila",
    "entidad": "Entidad",
    "entrega": "Entrega n.º",
}


def page_keys(catalogue: pd.DataFrame) -> dict:
    return {
        K_INDICATOR: list(catalogue["indicator_code"]),
        K_GRAIN: list(GRAINS),
        K_DIMENSION: list(DIMENSIONS),
    }


def table_frame(code: str, state: FilterState) -> pd.DataFrame:
    """Exactly the rows behind the figure for these filters (also what the exports contain);
    `fila` says which are totals and which breakdowns (downloads.row_kind)."""
    frame = cached_call(
        indicadores.value_rows,
        code,
        state.start,
        state.end,
        state.locality_list,
        state.entity,
        state.validated_only,
    )
    return frame.assign(fila=downloads.row_kind(frame["is_total"]))


def _definition(row: pd.Series) -> dbc.Card:
    allowed = row["allowed_disaggregations"] or "ninguna"
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(row["indicator_name"], className="h5"),
                html.P(row["definition"], className="mb-2"),
                html.Dl(
                    [
                        html.Dt("Regla de agregación", className="col-sm-4"),
                        html.Dd(
                            common.RULE_LABELS.get(row["aggregation_rule"]),
                            className="col-sm-8",
                            id=f"{PREFIX}-rule",
                        ),
                        html.Dt("Unidad", className="col-sm-4"),
                        html.Dd(row["unit"], className="col-sm-8"),
                        html.Dt("Entidad responsable", className="col-sm-4"),
                        html.Dd(row["entity_name"], className="col-sm-8"),
                        html.Dt("Frecuencia", className="col-sm-4"),
                        html.Dd(row["frequency"], className="col-sm-8"),
                        html.Dt("Desagregaciones", className="col-sm-4"),
                        html.Dd(allowed.replace(",", ", ").replace("_", " "), className="col-sm-8"),
                        *_formula(row),
                    ],
                    className="row small mb-0",
                ),
            ]
        ),
        className="shadow-sm h-100",
    )


def _formula(row: pd.Series) -> list:
    """A derived indicator's formula (its dbt model's description), for the definition card."""
    formula = row.get("formula")
    if not isinstance(formula, str) or not formula:
        return []
    return [
        html.Dt("Fórmula (indicador derivado)", className="col-sm-4"),
        html.Dd(formula, className="col-sm-8", id=f"{PREFIX}-formula"),
    ]


def persons_card(code: str, state: FilterState) -> dbc.Card | None:
    """Distinct persons over the period from the pseudonymised nominal register (data.persons),
    with the page's localities and entity; None when the indicator has no person-level data."""
    count = cached_call(
        persons.person_count, code, state.start, state.end, state.locality_list, state.entity
    )
    if count is None or not count.has_data:
        return None
    months = format_month_range(count.first_month, count.last_month)
    footnote = (
        f"Registro nominal seudonimizado ({months}): cada persona cuenta una sola vez aunque "
        "haya sido atendida en varios meses o localidades, frente a "
        f"{format_number(count.person_months)} personas-mes (la suma de los conteos mensuales)."
    )
    return kpi_card(
        "Personas distintas en el periodo",
        format_number(count.distinct_persons),
        footnote,
        value_id=ID_PERSONS,
    )


def _dimensions(allowed: str | None) -> list[str]:
    """The disaggregations of DIMENSIONS that the indicator allows (catalogue order)."""
    return [k for k in DIMENSIONS if k in (allowed or "").split(",")]


def resolve(state: FilterState, extras: dict) -> dict:
    """The page keys in effect (defaults filled in): indicator, grain, disaggregation."""
    catalogue = common.catalogue(state)
    code = extras.get(K_INDICATOR)
    if catalogue.empty:
        return {K_INDICATOR: None, K_GRAIN: "mes", K_DIMENSION: None}
    if code not in set(catalogue["indicator_code"]):
        code = catalogue["indicator_code"].iloc[0]
    grain = extras.get(K_GRAIN) if extras.get(K_GRAIN) in GRAINS else "mes"
    dims = _dimensions(catalogue.set_index("indicator_code").loc[code, "allowed_disaggregations"])
    dim = (
        extras.get(K_DIMENSION) if extras.get(K_DIMENSION) in dims else (dims[0] if dims else None)
    )
    return {K_INDICATOR: code, K_GRAIN: grain, K_DIMENSION: dim}


def render(state: FilterState, code: str | None, grain_key: str | None, dim_key: str | None):
    catalogue = common.catalogue(state)
    if catalogue.empty:
        return [empty_note("No hay indicadores para la UTA o entidad elegidas.")]
    effective = resolve(state, {K_INDICATOR: code, K_GRAIN: grain_key, K_DIMENSION: dim_key})
    code, grain_key, dim_key = (effective[K_INDICATOR], effective[K_GRAIN], effective[K_DIMENSION])
    row = catalogue.set_index("indicator_code").loc[code]
    row["indicator_code"] = code
    source = f"{row['entity_short_name']}, exportaciones al Tablero"
    return [
        _controls(catalogue, code, grain_key, dim_key, _dimensions(row["allowed_disaggregations"])),
        _headline_row(code, state, row),
        _charts_row(code, state, grain_key, row, source),
        _breakdown(code, state, dim_key, row, source),
        html.H2("Datos detrás de la cifra", className="h5 mt-3"),
        _table(code, state),
        lineage.section(code, state, ID_LINEAGE),
    ]


def _controls(catalogue, code: str, grain_key: str, dim_key: str | None, dims: list[str]):
    grains = [{"label": k.capitalize(), "value": k} for k in GRAINS]
    dimensions = [{"label": DIMENSIONS[k][1].capitalize(), "value": k} for k in dims]
    choices = [
        Choice("Serie por", ID_GRAIN, grain_key, grains, width=2),
        Choice(
            "Desagregar por",
            ID_DIMENSION,
            dim_key,
            dimensions,
            width=3,
            when_empty="Sin desagregaciones por sexo ni edad",
        ),
    ]
    return indicator_selector_row(ID_SELECT, catalogue, code, choices, select_width=7)


def _headline_row(code: str, state: FilterState, row: pd.Series) -> dbc.Row:
    """The definition, the period's figure and, with a nominal register, distinct persons."""
    result = common.indicator_figure(code, state)
    previous = common.previous_figure(code, state)
    kpi = kpi_card(
        f"Cifra del corte · {result['cutoff_name']}"
        if result["lag_months"]
        else f"Cifra del periodo · {state.period_label}",
        common.figure_text(result, row.get("ratio_per")),
        " ".join(
            text
            for text in (common.figure_footnote(result, row["unit"]), common.rate_text(code, state))
            if text
        ),
        common.change_text(result, previous),
        value_id=ID_KPI,
    )
    person_kpi = persons_card(code, state)
    return dbc.Row(
        [dbc.Col(_definition(row), lg=8), dbc.Col(kpi, lg=4)]
        if person_kpi is None
        else [
            dbc.Col(_definition(row), lg=6),
            dbc.Col(kpi, lg=3, md=6),
            dbc.Col(person_kpi, lg=3, md=6),
        ],
        className="g-3 mb-3",
    )


def _charts_row(code: str, state: FilterState, grain_key: str, row, source: str):
    """The series by the chosen grain and the ranking by locality (a click filters by it)."""
    grain, grain_label = GRAINS[grain_key]
    unit, name = row["unit"], row["indicator_name"]
    series = cached_call(
        indicadores.series,
        code,
        state.start,
        state.end,
        state.locality_list,
        grain,
        state.entity,
        state.validated_only,
    )
    note = (
        f"cada {grain_label} con la regla del indicador, recortado al periodo elegido"
        if grain != "month"
        else None
    )
    labels = ",.1f" if row["aggregation_rule"] == "ratio" else ",.0f"  # '32,5' for a ratio
    series_fig = series_bar(series, f"Serie por {grain_label} ({unit})", unit, source, note, labels)
    ranking = cached_call(
        indicadores.figure_by_locality,
        code,
        state.start,
        state.end,
        state.entity,
        state.validated_only,
    )
    ranking = ranking[ranking["is_locality"].astype(bool)] if not ranking.empty else ranking
    ranking_fig = ranking_bar(
        ranking,
        f"Ranking por localidad ({unit}) · clic para filtrar",
        unit,
        source,
        state.localities,
        labels,
    )
    return dbc.Row(
        [
            dbc.Col(graph(ID_SERIES, series_fig, f"{name} · {filters_text(state)}"), lg=7),
            dbc.Col(graph(ID_RANKING, ranking_fig, f"{name} · {filters_text(state, False)}"), lg=5),
        ],
        className="g-3 mb-3",
    )


def _breakdown(code: str, state: FilterState, dim_key: str | None, row, source: str):
    if dim_key is None:
        return empty_note("Este indicador no admite desagregación por sexo ni por grupo de edad.")
    dimension, label = DIMENSIONS[dim_key]
    frame = cached_call(
        indicadores.breakdown,
        code,
        state.start,
        state.end,
        state.locality_list,
        dimension,
        state.entity,
        state.validated_only,
    )
    figure = breakdown_bar(
        frame, label, f"Desagregación por {label} ({row['unit']})", row["unit"], source
    )
    return graph(ID_BREAKDOWN, figure, f"{row['indicator_name']} · {filters_text(state)}")


def _table(code: str, state: FilterState):
    frame = table_frame(code, state)
    if frame.empty:
        return empty_note()
    return html.Div([export_buttons(PREFIX), grid(ID_TABLE, frame, TABLE_COLUMNS, ("valor",))])
