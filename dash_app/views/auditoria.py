"""Auditoría: the audit log (auth.events) as the technical secretariat reads it: who did what,
when and from where. Read-only: nothing on the page changes it."""

from __future__ import annotations

from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from warehouse import audit
from warehouse.formatting import format_datetime, format_number

PREFIX = "aud"
SHOWN = 500  # on screen; the export holds up to audit.MAX_ROWS
COLUMNS = {
    "event_id": "N.º",
    "occurred_text": "Fecha y hora",
    "email": "Usuario",
    "event": "Evento",
    "detail": "Detalle",
    "client_address": "Dirección",
}


def parse_day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def text_filter(value) -> str | None:
    return value.strip()[:100] or None if isinstance(value, str) else None


def events_frame(email, event, start, end) -> pd.DataFrame:
    frame = audit.events(
        None,
        email=text_filter(email),
        event=text_filter(event),
        start=parse_day(start),
        end=parse_day(end),
    )
    frame["occurred_text"] = [format_datetime(v) for v in frame["occurred_at"]]
    return frame


def event_options() -> list[dict]:
    return [{"value": name, "label": name} for name in audit.event_names()]


def table(frame: pd.DataFrame) -> list:
    if frame.empty:
        return [html.P("Ningún evento con esos filtros.", className="text-muted")]
    rows = [
        html.Tr([html.Td("" if pd.isna(v) else str(v)) for v in row])
        for row in frame[list(COLUMNS)].head(SHOWN).itertuples(index=False)
    ]
    note = (
        f"{format_number(len(frame))} eventos; se muestran los {SHOWN} más recientes "
        "(la exportación los incluye todos)."
        if len(frame) > SHOWN
        else f"{format_number(len(frame))} evento(s)."
    )
    return [
        html.P(note, className="small text-secondary", id=f"{PREFIX}-count"),
        dbc.Table(
            [html.Thead(html.Tr([html.Th(h) for h in COLUMNS.values()])), html.Tbody(rows)],
            size="sm",
            striped=True,
            responsive=True,
            className="small",
            id=f"{PREFIX}-events",
        ),
    ]
