"""Auditoría: the audit log (auth.events) as the technical secretariat reads it: who did what,
when and from where. Read-only: nothing on the page changes it."""

from __future__ import annotations

import re
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


DAY_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def day_input(component_id: str) -> dbc.Input:
    """A day typed as people in Colombia write it (31/01/2026), not the browser's mm/dd/yyyy."""
    return dbc.Input(
        id=component_id,
        type="text",
        inputMode="numeric",
        placeholder="dd/mm/aaaa",
        autoComplete="off",
        maxLength=10,
        debounce=True,
    )


def parse_day(value) -> date | None:
    """'31/01/2026' (or 31-01-2026, 31.01.2026, 2026-01-31) → date; anything else → None."""
    if not isinstance(value, str) or not value.strip():
        return None
    match = DAY_RE.match(value)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(value.strip())
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
    labels = list(COLUMNS.values())
    rows = [  # data-label: on a phone each row is a card of «label: value» lines (tablero.css)
        html.Tr(
            [
                html.Td("" if pd.isna(v) else str(v), **{"data-label": label})
                for label, v in zip(labels, row, strict=True)
            ]
        )
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
            className="small stacked-table",
            id=f"{PREFIX}-events",
        ),
    ]
