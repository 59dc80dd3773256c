"""Entregar información: what the entity portal shows (templates, the result of each file as
the CLI gives it, the entity's deliveries with their review state, the build queue)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from warehouse import build_queue, delivery, reviews
from warehouse.contracts import EXPORT_KINDS
from warehouse.formatting import format_datetime, format_number

PREFIX = "ent"
SHOWN_PROBLEMS = 200  # the rest are in the XLSX report
STATUS_TEXT = {
    "aceptado": "aceptada",
    "rechazado": "rechazada",
    "duplicado": "duplicada",
    "reemplazado": "reemplazada por una corrección",
}
REVIEW_COLORS = {"recibido": "secondary", "validado": "success", "devuelto": "danger"}
BUILD_TEXT = {
    "en cola": "Actualización del tablero en cola: empieza en unos segundos.",
    "en curso": "Actualizando el tablero con las entregas recientes…",
    "terminada": "Tablero actualizado",
    "fallida": "La última actualización del tablero falló",
}


def templates(entity: str | None) -> list:
    if not entity:
        return [html.P("Elija una entidad para ver sus plantillas.", className="text-muted")]
    buttons = [
        dbc.Button(
            EXPORT_KINDS[kind].label,
            id={"type": f"{PREFIX}-template", "index": kind},
            color="secondary",
            outline=True,
            size="sm",
            className="me-2 mb-2",
        )
        for kind in delivery.kinds_delivered_by(entity)
    ]
    return [html.Div(buttons), html.Small(f"Plantillas XLSX de {entity}.", className="text-muted")]


def _list(label: str, values: list[str]) -> str:
    if not values:
        return ""
    shown = ", ".join(values[:12]) + (f" y {len(values) - 12} más" if len(values) > 12 else "")
    return f" {label}: {shown}."


def problem_table(problems: list) -> html.Div:
    rows = delivery.report_rows(problems)
    body = [html.Tr([html.Td(cell) for cell in row]) for row in rows[:SHOWN_PROBLEMS]]
    note = (
        html.Small(
            f"Se muestran {SHOWN_PROBLEMS} de {format_number(len(rows))}; todos están en el "
            "reporte XLSX.",
            className="text-muted",
        )
        if len(rows) > SHOWN_PROBLEMS
        else None
    )
    table = dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in delivery.PROBLEM_HEADERS])), html.Tbody(body)],
        size="sm",
        bordered=True,
        responsive=True,
        className=f"{PREFIX}-problems small",
    )
    return html.Div([table, note])


def _accepted_text(outcome: delivery.DeliveryOutcome) -> str:
    result = outcome.result
    text = (
        f"{result.file_name}: aceptado para {outcome.entity}, entrega n.º {result.delivery_id}, "
        f"{format_number(result.row_count)} fila(s) cargada(s)."
    )
    text += _list("Periodos", outcome.months) + _list("Indicadores", outcome.indicators)
    if result.supersedes_delivery_id:
        text += f" Reemplaza la entrega n.º {result.supersedes_delivery_id} del mismo periodo."
    return text + " Queda «recibido» hasta que la Secretaría Técnica la valide."


def outcome_card(outcome: delivery.DeliveryOutcome) -> dbc.Alert:
    result = outcome.result
    if result.status == "aceptado":
        children = [html.P(_accepted_text(outcome), className="mb-1")]
        if result.warnings:
            children += [
                html.P(f"{len(result.warnings)} aviso(s):"),
                problem_table(result.warnings),
            ]
        return dbc.Alert(children, color="success", className=f"{PREFIX}-accepted")
    if result.status == "duplicado":
        return dbc.Alert(result.message, color="info", className=f"{PREFIX}-duplicate")
    lead = outcome.refused_reason or result.message
    report = dbc.Button(
        "Descargar el reporte de problemas (XLSX)",
        id={"type": f"{PREFIX}-report", "index": result.delivery_id},
        color="danger",
        outline=True,
        size="sm",
        className="mb-2",
    )
    return dbc.Alert(
        [
            html.P(f"{result.file_name}: {lead}", className="fw-semibold"),
            report,
            problem_table(result.problems),
        ],
        color="danger",
        className=f"{PREFIX}-rejected",
    )


def refused(message: str) -> dbc.Alert:
    return dbc.Alert(message, color="danger", className=f"{PREFIX}-refused")


HISTORY_HEADERS = (
    "Entrega n.º",
    "Entidad",
    "Archivo",
    "Recibida",
    "Por",
    "Estado",
    "Filas",
    "Revisión",
    "Motivo de la devolución",
)


def _history_row(row) -> html.Tr:
    state = row.review_state if isinstance(row.review_state, str) else None
    badge = dbc.Badge(state, color=REVIEW_COLORS[state], className="ent-review") if state else "—"
    values = [
        (str(row.delivery_id), None),
        (row.entity_code or "—", None),
        (row.file_name, "text-break"),
        (format_datetime(row.received_at), None),
        (row.submitter or "—", "text-break"),
        (STATUS_TEXT.get(row.status, row.status), None),
        (format_number(row.row_count) if pd.notna(row.row_count) else "—", None),
        (badge, None),
        (row.review_reason if isinstance(row.review_reason, str) else "", None),
    ]
    cells = [  # data-label: on a phone each row is a card of «label: value» lines
        html.Td(value, className=css, **{"data-label": label})
        for (value, css), label in zip(values, HISTORY_HEADERS, strict=True)
    ]
    return html.Tr(cells, id=f"{PREFIX}-delivery-{row.delivery_id}")


def history(entity: str | None) -> list:
    frame = reviews.history(None, entity)
    if frame.empty:
        return [html.P("Aún no hay entregas.", className="text-muted")]
    return [
        dbc.Table(
            [
                html.Thead(html.Tr([html.Th(h) for h in HISTORY_HEADERS])),
                html.Tbody([_history_row(row) for row in frame.itertuples()]),
            ],
            size="sm",
            striped=True,
            responsive=True,
            className="small stacked-table",
            id=f"{PREFIX}-history-table",
        )
    ]


def reviewable_options(entity: str | None) -> list[dict]:
    """Accepted deliveries an admin may validate or return (not yet validated)."""
    frame = reviews.history(None, entity)
    frame = frame[(frame["status"] == "aceptado") & (frame["review_state"] != "validado")]
    return [
        {
            "value": int(row.delivery_id),
            "label": f"n.º {row.delivery_id} · {row.entity_code} · {row.file_name} "
            f"({row.review_state})",
        }
        for row in frame.itertuples()
    ]


def build_pending() -> bool:
    state = build_queue.latest()
    return state is not None and state.state in ("en cola", "en curso")


def build_state() -> list:
    state = build_queue.latest()
    if state is None:
        return []
    text = BUILD_TEXT[state.state]
    if state.state in ("terminada", "fallida") and state.finished_at is not None:
        text += f" ({format_datetime(state.finished_at)})."
    children = [html.Span(text, id=f"{PREFIX}-build-state", **{"data-state": state.state})]
    if state.state == "fallida" and state.error:
        children.append(html.Div(state.error, className="small"))
    color = {"fallida": "warning", "terminada": "light"}.get(state.state, "info")
    return [dbc.Alert(children, color=color, className="py-2 mb-2")]
