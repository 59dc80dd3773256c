"""Resumen: the deck's UTA slides as live cards (headline figures, change, compliance, status)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, graph, kpi_card
from dash_app.figures.charts import compliance_gauge
from dash_app.state import FilterState, to_query
from dash_app.views import avance, common
from warehouse.formatting import format_number, format_percent
from warehouse.marts import plan_de_accion, reference

UTAS = ("UTA1", "UTA2", "UTA3")
MAX_HEADLINES = 6


def kpi_id(code: str) -> str:
    return f"kpi-{code}"


def _headline_rows(state: FilterState) -> pd.DataFrame:
    """The catalogue rows shown as cards: the first MAX_HEADLINES of each UTA."""
    indicators = common.catalogue(state)
    return indicators[indicators["uta_code"].isin(UTAS)].groupby("uta_code").head(MAX_HEADLINES)


def _headline_cards(uta: str, state: FilterState, figures: dict) -> list:
    """figures: common.card_figures of every card of the page (fetched together)."""
    indicators = _headline_rows(state)
    cards = []
    for row in indicators[indicators["uta_code"] == uta].itertuples():
        result, previous = figures[row.indicator_code]
        href = "/indicadores" + to_query(state, {"indicador": row.indicator_code})
        cards.append(
            dbc.Col(
                kpi_card(
                    row.indicator_name,
                    common.figure_text(result, row.ratio_per),
                    common.figure_footnote(result, row.unit),
                    common.change_text(result, previous),
                    value_id=kpi_id(row.indicator_code),
                    href=href,
                    info=[
                        row.definition,
                        "Regla: " + common.RULE_LABELS.get(row.aggregation_rule, ""),
                        f"Unidad: {row.unit}. Entidad: {row.entity_short_name}.",
                    ],
                ),
                xs=12,
                md=6,
                xl=4,
            )
        )
    return cards


def _status_line(row: pd.Series | None) -> html.Div:
    if row is None:
        return html.Div("Sin seguimiento de actividades para este corte.", className="small")
    parts = [
        ("Totalmente ejecutadas", row["n_totalmente_ejecutada"]),
        ("Iniciadas", row["n_iniciada"]),
        ("No iniciadas", row["n_no_iniciada"]),
        ("No reportadas", row["n_not_reported"]),
    ]
    return html.Ul(
        [html.Li(f"{label}: {format_number(value)}") for label, value in parts],
        className="small mb-0 list-unstyled status-list",
    )


SCOPE_NOTE = (
    "El cumplimiento es el de toda la UTA: no aplican los filtros de localidad ni de entidad."
)


def _compliance_column(
    uta: str, compliance: pd.DataFrame, cutoff_name: str | None, state: FilterState
):
    row = None
    if not compliance.empty and uta in set(compliance["uta_code"]):
        row = compliance.set_index("uta_code").loc[uta]
    ratio = None if row is None else row["compliance_ratio"]
    detail = (
        f"{format_number(row['reported_activities'])} de "
        f"{format_number(row['expected_activities'])} actividades reportadas"
        if row is not None
        else ""
    )
    scope = f"corte {cutoff_name} · toda la UTA" if cutoff_name else "toda la UTA"
    figure = compliance_gauge(ratio, "Cumplimiento de reporte", detail)
    children = [
        graph(f"gauge-{uta}", figure, scope, style={"height": "250px"}),
        html.Div(detail, className="small fw-semibold text-center mb-1"),
        _status_line(row),
    ]
    if state.entity or state.localities:
        children.append(
            html.Div(SCOPE_NOTE, className="small fst-italic text-body-secondary mt-1 gauge-note")
        )
    if row is not None and row.get("reporting_entities"):
        children.append(
            html.Div(
                f"Reportaron: {row['reporting_entities']}", className="small text-secondary mt-1"
            )
        )
    return children


def render(state: FilterState) -> list:
    cutoff, cutoff_name = common.cutoff_for(state)
    compliance = cached_call(plan_de_accion.compliance_by_uta, cutoff) if cutoff else pd.DataFrame()
    utas = cached_call(reference.utas)
    labels = dict(zip(utas["uta_code"], utas["uta_label"], strict=False))
    note = avance.SCOPE_NOTE if state.entity or state.localities or state.uta else None
    sections = [avance.policy_card(cutoff, "resumen-avance", note=note)]
    figures = common.card_figures(list(_headline_rows(state)["indicator_code"]), state)
    for uta in UTAS:
        if state.uta and state.uta not in (uta,):
            continue
        cards = _headline_cards(uta, state, figures)
        body = dbc.Row(
            [
                dbc.Col(
                    dbc.Row(cards, className="g-2")
                    if cards
                    else empty_note("Ninguna cifra de esta UTA para estos filtros."),
                    lg=8,
                ),
                dbc.Col(_compliance_column(uta, compliance, cutoff_name, state), lg=4),
            ],
            className="g-3",
        )
        sections.append(
            dbc.Card(
                [
                    dbc.CardHeader(html.H2(labels.get(uta, uta), className="mb-0 h5")),
                    dbc.CardBody(body),
                ],
                className="mb-3 uta-card shadow-sm",
                id=f"uta-card-{uta}",
            )
        )
    if not state.uta or state.uta == "TRANSVERSAL":
        sections.append(_transversal(compliance, cutoff_name))
    return sections


def _transversal(compliance: pd.DataFrame, cutoff_name: str | None) -> dbc.Card:
    if compliance.empty or "TRANSVERSAL" not in set(compliance["uta_code"]):
        body = empty_note("Sin seguimiento de actividades transversales para este periodo.")
    else:
        row = compliance.set_index("uta_code").loc["TRANSVERSAL"]
        started = int(row["n_iniciada"]) + int(row["n_totalmente_ejecutada"])
        body = html.P(
            [
                html.Span(
                    format_percent(row["started_ratio"]),
                    className="fs-3 fw-bold me-2",
                    id="kpi-transversal",
                ),
                f"de las {format_number(row['expected_activities'])} actividades transversales "
                f"están iniciadas o ejecutadas ({format_number(started)}) · corte {cutoff_name}.",
            ],
            className="mb-0",
        )
    return dbc.Card(
        [
            dbc.CardHeader(html.H2("Actividades transversales", className="mb-0 h5")),
            dbc.CardBody(body),
        ],
        className="mb-3 uta-card shadow-sm",
    )
