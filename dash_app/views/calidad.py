"""Calidad de datos: deliveries per entity and cut-off, accepted/rejected, freshness."""

from __future__ import annotations

from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, graph
from dash_app.components.table import export_buttons, grid
from dash_app.figures.calidad import deliveries_by_entity
from dash_app.state import FilterState
from warehouse.formatting import MONTH_ABBR_ES, format_date, format_datetime, format_number
from warehouse.marts import calidad

PREFIX = "cal"
SOURCE = "registro de entregas del almacén (mart_deliveries)"
STATUS_LABELS = {
    "aceptado": "aceptada",
    "rechazado": "rechazada",
    "duplicado": "duplicada",
    "reemplazado": "reemplazada",
}
DELIVERY_COLUMNS = {
    "delivery_id": "Entrega n.º",
    "entity_short_name": "Entidad",
    "kind": "Tipo de archivo",
    "file_name": "Archivo",
    "received_text": "Recibida",
    "status_text": "Estado",
    "row_count": "Filas",
    "problem_count": "Problemas",
    "review_text": "Revisión",
}


CUTOFF_COLUMNS = {
    "entity_text": "Entidad",
    "cutoff_text": "Corte",
    "deadline_text": "Plazo de reporte",
    "deliveries": "Entregas",
    "accepted": "Aceptadas",
    "rejected": "Rechazadas",
    "on_time": "A tiempo",
    "last_text": "Última entrega",
}
NO_CUTOFF = "Sin corte"


def cutoff_label(code: str | None, start: date | None, end: date | None) -> str:
    """'2024-C2: jun–ago' (the year is in the code); 'Sin corte' for deliveries covering none."""
    if not isinstance(code, str):
        return NO_CUTOFF
    return f"{code}: {MONTH_ABBR_ES[start.month - 1]}–{MONTH_ABBR_ES[end.month - 1]}"


def cutoff_frame(state: FilterState) -> pd.DataFrame:
    """Deliveries per entity and cut-off overlapping the period (plus those without cut-off)."""
    frame = cached_call(calidad.deliveries_by_cutoff, state.entity, state.start, state.end).copy()
    frame["entity_text"] = (
        frame["entity_short_name"].fillna(frame["entity_code"]).fillna("sin entidad")
    )
    frame["cutoff_text"] = [
        cutoff_label(code, start, end)
        for code, start, end in zip(
            frame["cutoff_code"], frame["start_month"], frame["end_month"], strict=True
        )
    ]
    frame["deadline_text"] = [
        format_date(v) if pd.notna(v) else "—" for v in frame["report_deadline"]
    ]
    frame["last_text"] = [format_datetime(v) for v in frame["last_delivery_at"]]
    return frame


def delivery_frame(state: FilterState) -> pd.DataFrame:
    frame = cached_call(calidad.deliveries, state.entity, None, None).copy()
    frame["received_text"] = [format_datetime(v) for v in frame["received_at"]]
    frame["status_text"] = frame["status"].map(lambda s: STATUS_LABELS.get(s, s))
    frame["review_text"] = frame["review_state"].fillna("—")
    return frame


def counts_by_entity(state: FilterState) -> pd.DataFrame:
    """Accepted and rejected deliveries per entity (mart_delivery_counts_by_entity, its order)."""
    counts = cached_call(calidad.delivery_counts_by_entity, state.entity)
    entity = counts["entity_short_name"].fillna(counts["entity_code"]).fillna("sin entidad")
    return pd.DataFrame(
        {"entity": entity, "accepted": counts["accepted"], "rejected": counts["rejected"]}
    ).reset_index(drop=True)


def render(state: FilterState) -> list:
    deliveries = delivery_frame(state)
    counts = counts_by_entity(state)
    chart = deliveries_by_entity(counts, "Entregas aceptadas y rechazadas por entidad", SOURCE)
    return [
        _freshness(state),
        _by_cutoff(state),
        graph(f"{PREFIX}-chart", chart),
        html.H2("Entregas recibidas", className="h5 mt-3"),
        (
            empty_note("No hay entregas registradas.")
            if deliveries.empty
            else html.Div(
                [
                    export_buttons(PREFIX),
                    grid(
                        f"{PREFIX}-table",
                        deliveries,
                        DELIVERY_COLUMNS,
                        ("row_count", "problem_count"),
                    ),
                ]
            )
        ),
    ]


def _by_cutoff(state: FilterState) -> html.Div:
    frame = cutoff_frame(state)
    title = html.H2("Entregas por entidad y corte", className="h5 mt-3")
    note = html.P(
        f"Cortes que se cruzan con {state.period_label}. «Sin corte» (siempre visible): "
        "entregas que no cubren ningún corte del plan, como archivos rechazados sin periodos "
        "legibles o meses fuera de los cortes. «A tiempo»: recibidas hasta el final del día "
        "del plazo de reporte del corte (hora de Bogotá). Una entrega que cubre varios cortes "
        "cuenta en cada uno.",
        className="small text-muted mb-1",
    )
    if frame.empty:
        return html.Div([title, note, empty_note("No hay entregas para estos filtros.")])
    table = grid(
        f"{PREFIX}-cutoff-table",
        frame,
        CUTOFF_COLUMNS,
        ("deliveries", "accepted", "rejected", "on_time"),
        height=320,
    )
    return html.Div([title, note, table], className="mb-3")


def _freshness(state: FilterState):
    frame = cached_call(calidad.entity_freshness, state.entity)
    if frame.empty:
        return empty_note("Aún no hay información de oportunidad de las entregas.")
    rows = []
    for r in frame.itertuples():
        stale = bool(r.is_stale) if pd.notna(r.is_stale) else True
        badge = dbc.Badge(
            "con retraso" if stale else "al día",
            color="warning" if stale else "success",
            text_color="dark" if stale else None,
        )
        days = (
            format_number(r.days_since_last_accepted)
            if pd.notna(r.days_since_last_accepted)
            else "—"
        )
        rows.append(
            html.Tr(
                [
                    html.Td(r.entity_short_name),
                    html.Td(r.expected_frequency or "—"),
                    html.Td(
                        format_datetime(r.last_delivery_at) if pd.notna(r.last_delivery_at) else "—"
                    ),
                    html.Td(
                        format_datetime(r.last_accepted_at) if pd.notna(r.last_accepted_at) else "—"
                    ),
                    html.Td(days, className="text-end"),
                    html.Td(format_number(r.accepted_deliveries), className="text-end"),
                    html.Td(format_number(r.rejected_deliveries), className="text-end"),
                    html.Td(badge),
                ],
                id=f"{PREFIX}-row-{r.entity_code}",
            )
        )
    head = [
        "Entidad",
        "Frecuencia esperada",
        "Última entrega",
        "Última aceptada",
        "Días desde la última aceptada",
        "Aceptadas",
        "Rechazadas",
        "Oportunidad",
    ]
    return dbc.Card(
        [
            dbc.CardHeader("Oportunidad por entidad"),
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(rows)],
                size="sm",
                striped=True,
                hover=True,
                responsive=True,
                className="small mb-0",
            ),
        ],
        className="shadow-sm mb-3",
    )
