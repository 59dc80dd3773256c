"""Plan de acción: compliance per cut-off, who did not report, status, PDD goals, activities."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, graph
from dash_app.components.table import export_buttons, grid
from dash_app.figures.charts import (
    compliance_gauge,
    expected_vs_reported,
    goal_progress,
    status_bars,
)
from dash_app.state import FilterState
from dash_app.views import avance, common
from warehouse.formatting import format_month, format_number, format_percent
from warehouse.marts import indicators, plan_de_accion

PREFIX = "plan"
SOURCE = "reportes de avance de las entidades (fct_activity_status)"
ACTIVITY_COLUMNS = {
    "activity_code": "Código",
    "activity_name": "Actividad",
    "uta_label": "UTA",
    "activity_kind": "Tipo",
    "lead_entity": "Entidad líder",
    "status": "Estado",
    "progress_note": "Avance reportado",
}
STATUS_COLUMNS = {
    "n_totalmente_ejecutada": "totalmente ejecutada",
    "n_iniciada": "iniciada",
    "n_no_iniciada": "no iniciada",
    "n_not_reported": "no reportada",
}


def activity_frame(state: FilterState) -> pd.DataFrame:
    cutoff, _ = common.cutoff_for(state)
    if cutoff is None:
        return pd.DataFrame(columns=list(ACTIVITY_COLUMNS))
    return common.activities_at_cutoff(cutoff, state)


def _long_status(frame: pd.DataFrame, category: str) -> pd.DataFrame:
    rows = []
    for _, row in frame.iterrows():
        for column, status in STATUS_COLUMNS.items():
            if column in frame.columns:
                rows.append(
                    {category: row[category], "status": status, "activities": int(row[column] or 0)}
                )
    return pd.DataFrame(rows, columns=[category, "status", "activities"])


def render(state: FilterState) -> list:
    cutoff, cutoff_name = common.cutoff_for(state)
    if cutoff is None:
        return [
            empty_note(
                "Ningún corte de seguimiento cae en el periodo elegido. Elija, por "
                "ejemplo, el corte enero–mayo 2024 en «Periodo rápido»."
            )
        ]
    by_uta = cached_call(plan_de_accion.compliance_by_uta, cutoff)
    utas = by_uta[by_uta["uta_code"].isin(["UTA1", "UTA2", "UTA3"])]
    if state.uta:
        utas = utas[utas["uta_code"] == state.uta]
    by_entity = cached_call(
        plan_de_accion.compliance_by_entity, cutoff, uta_code=state.uta, entity_code=state.entity
    )
    by_lead_entity = cached_call(
        plan_de_accion.compliance_by_lead_entity,
        cutoff,
        uta_code=state.uta,
        entity_code=state.entity,
    )
    return [
        html.P(
            f"Corte de seguimiento: {cutoff_name} (el último corte que cae en el periodo).",
            className="fw-semibold",
            id=f"{PREFIX}-cutoff",
        ),
        _compliance_row(state, cutoff_name, by_uta, utas, by_lead_entity),
        dbc.Row(
            [
                dbc.Col(_missing(by_entity), lg=5),
                dbc.Col(
                    [
                        _transversal(by_uta, cutoff_name)
                        if state.uta in (None, "TRANSVERSAL")
                        else None,
                        _by_cutoff(state),
                    ],
                    lg=7,
                ),
            ],
            className="g-3 mb-3",
        ),
        _status_row(utas, by_lead_entity),
        _goals(state),
        avance.products_section(cutoff, cutoff_name, state.uta, state.entity, PREFIX),
        html.H2("Lista de actividades", className="h5 mt-3"),
        _activities(state),
    ]


def _compliance_row(state: FilterState, cutoff_name: str, by_uta, utas, by_lead_entity) -> dbc.Row:
    """Reporting compliance at the cut-off (gauge) and expected vs reported per UTA."""
    # The chosen entity's row (within the UTA, or over all), else the UTA's, else UTA 1–3's.
    by_scope = by_uta[by_uta["uta_code"] == (state.uta or "TOTAL")]
    scope = by_lead_entity if state.entity else by_scope
    row = scope.iloc[0] if not scope.empty else None
    expected = int(row["expected_activities"]) if row is not None else 0
    reported = int(row["reported_activities"]) if row is not None else 0
    ratio = row["compliance_ratio"] if row is not None else None
    gauge = compliance_gauge(
        ratio,
        f"Cumplimiento de reporte · corte {cutoff_name}",
        f"{format_number(reported)} de {format_number(expected)} reportadas",
    )
    bars = expected_vs_reported(
        utas.assign(
            label=utas["uta_name"],
            expected=utas["expected_activities"],
            reported=utas["reported_activities"],
        ),
        f"Actividades esperadas y reportadas por UTA · {cutoff_name}",
        SOURCE,
    )
    return dbc.Row(
        [
            dbc.Col(
                [
                    graph(f"{PREFIX}-gauge", gauge),
                    html.Div(
                        f"{format_number(reported)} de {format_number(expected)} "
                        "actividades reportadas",
                        className="small fw-semibold text-center",
                    ),
                ],
                lg=4,
            ),
            dbc.Col(graph(f"{PREFIX}-bars", bars), lg=8),
        ],
        className="g-3",
    )


def _status_row(utas: pd.DataFrame, by_lead_entity: pd.DataFrame) -> dbc.Row:
    """Status of the activities per UTA and per lead entity."""
    uta_status = status_bars(
        _long_status(utas, "uta_name"), "uta_name", "Estado de las actividades por UTA", SOURCE
    )
    entity_status = status_bars(
        _long_status(by_lead_entity, "entity_short_name"),
        "entity_short_name",
        "Estado de las actividades por entidad líder",
        SOURCE,
    )
    return dbc.Row(
        [
            dbc.Col(graph(f"{PREFIX}-uta-status", uta_status), lg=6),
            dbc.Col(graph(f"{PREFIX}-entity-status", entity_status), lg=6),
        ],
        className="g-3",
    )


def _missing(by_entity: pd.DataFrame):
    if by_entity.empty:
        return empty_note()
    missing = by_entity[by_entity["reported_activities"] < by_entity["expected_activities"]]
    if missing.empty:
        return dbc.Alert(
            "Todas las entidades reportaron sus actividades en este corte.", color="success"
        )
    items = [
        html.Li(
            f"{r.entity_short_name} ({r.uta_code}): "
            f"{format_number(r.n_not_reported)} de "
            f"{format_number(r.expected_activities)} sin reportar"
        )
        for r in missing.itertuples()
    ]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Quién no reportó", className="h6"),
                html.Ul(items, className="small mb-0", id=f"{PREFIX}-missing"),
            ]
        ),
        className="shadow-sm h-100",
    )


def _transversal(by_uta: pd.DataFrame, cutoff_name: str):
    row = by_uta[by_uta["uta_code"] == "TRANSVERSAL"]
    if row.empty:
        return empty_note("Sin actividades transversales en este corte.")
    r = row.iloc[0]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Actividades transversales", className="h6"),
                html.P(
                    [
                        html.Span(
                            format_percent(r["started_ratio"]),
                            className="fs-3 fw-bold me-2",
                            id=f"{PREFIX}-transversal",
                        ),
                        f"iniciadas o ejecutadas de {format_number(r['expected_activities'])} "
                        f"(corte {cutoff_name}); reportaron "
                        f"{format_number(r['reported_activities'])}.",
                    ],
                    className="mb-0",
                ),
            ]
        ),
        className="shadow-sm mb-2",
    )


def _goals(state: FilterState):
    goals = cached_call(indicators.goal_progress, uta_code=state.uta, entity_code=state.entity)
    if goals.empty:
        return empty_note("No hay metas del Plan Distrital de Desarrollo para estos filtros.")
    goals = goals.assign(label=goals["indicator_name"])
    figure = goal_progress(
        goals,
        "Metas PDD: avance hacia la meta (%)",
        "fct_goal_progress; metas del Plan Distrital de Desarrollo",
    )
    details = [
        html.Li(
            f"{r.indicator_name}: {format_number(r.current_value)} de "
            f"{format_number(r.goal_value)} {r.unit} (meta {r.goal_year}, "
            f"dato a {format_month(r.as_of_month) if r.as_of_month else '—'})"
        )
        for r in goals.itertuples()
    ]
    return dbc.Row(
        [
            dbc.Col(graph(f"{PREFIX}-goals", figure), lg=7),
            dbc.Col(html.Ul(details, className="small"), lg=5),
        ],
        className="g-3 mt-1",
    )


def _activities(state: FilterState):
    frame = activity_frame(state)
    if frame.empty:
        return empty_note("No hay actividades para la UTA o entidad elegidas.")
    wrap = ("activity_name", "progress_note")
    table = grid(f"{PREFIX}-table", frame, ACTIVITY_COLUMNS, height=460, wrap=wrap)
    return html.Div([export_buttons(PREFIX), table])


def _by_cutoff(state: FilterState):
    """Reporting compliance of every cut-off (UTA 1–3 together, or the chosen UTA)."""
    every = cached_call(plan_de_accion.compliance_by_uta, None)
    rows = every[every["uta_code"] == (state.uta or "TOTAL")]
    figure = expected_vs_reported(
        rows.assign(
            label=rows["cutoff_name"],
            expected=rows["expected_activities"],
            reported=rows["reported_activities"],
        ),
        "Cumplimiento de reporte por corte",
        SOURCE,
    )
    figure.update_layout(height=300)
    return graph(f"{PREFIX}-by-cutoff", figure)
