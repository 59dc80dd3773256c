"""Every chart's text alternative: «Ver datos de la gráfica», a folded table of the values the
chart draws (read from the figure's own traces, nothing recomputed), for screen readers and
for anyone who prefers numbers to bars."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from numbers import Number

import plotly.graph_objects as go
from dash import html

from warehouse.formatting import format_month, format_number

MAX_ROWS = 200


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return format_month(day) if day.day == 1 else day.strftime("%d/%m/%Y")
    if isinstance(value, Decimal | Number):
        try:
            whole = float(value).is_integer()
        except (TypeError, ValueError, OverflowError):
            whole = True
        return format_number(value, 0 if whole else 1)
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":  # an ISO date Plotly kept as text
        try:
            return _cell(date.fromisoformat(text[:10]))
        except ValueError:
            return text
    return text


def _values(trace, key: str) -> list:
    found = getattr(trace, key, None) if key in trace else None
    return [] if found is None else list(found)


def trace_rows(trace) -> tuple[list[str], list[list]]:
    """(headers, rows) of one trace: category and value, whatever the chart type."""
    kind = trace.type
    if kind == "indicator":
        return ["Indicador", "Valor"], [[getattr(trace.title, "text", None) or "", trace.value]]
    if kind == "pie":
        return ["Categoría", "Valor"], [
            list(p) for p in zip(_values(trace, "labels"), _values(trace, "values"), strict=False)
        ]
    if kind.startswith("choropleth"):
        names = _values(trace, "text") or _values(trace, "locations")
        return ["Localidad", "Valor"], [
            list(p) for p in zip(names, _values(trace, "z"), strict=False)
        ]
    if kind == "heatmap":
        x, y, z = _values(trace, "x"), _values(trace, "y"), _values(trace, "z")
        rows = [
            [row, col, z[i][j]]
            for i, row in enumerate(y)
            for j, col in enumerate(x)
            if i < len(z) and j < len(z[i])
        ]
        return ["Fila", "Columna", "Valor"], rows
    x, y = _values(trace, "x"), _values(trace, "y")
    if getattr(trace, "orientation", None) == "h":
        x, y = y, x
    return ["Categoría", "Valor"], [list(p) for p in zip(x, y, strict=False)]


def _table(trace, caption: str) -> html.Table | None:
    headers, rows = trace_rows(trace)
    if not rows:
        return None
    body = [html.Tr([html.Td(_cell(v)) for v in row]) for row in rows[:MAX_ROWS]]
    return html.Table(
        [
            html.Caption(caption, className="caption-top small"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
            html.Tbody(body),
        ],
        className="table table-sm small mb-2",
    )


def data_details(figure: go.Figure, label: str) -> html.Details | None:
    """The chart's values in a folded table (None for a chart that draws nothing)."""
    tables = []
    for number, trace in enumerate(figure.data, start=1):
        name = getattr(trace, "name", None) or (
            label if len(figure.data) == 1 else f"Serie {number}"
        )
        table = _table(trace, name)
        if table is not None:
            tables.append(table)
    if not tables:
        return None
    return html.Details(
        [html.Summary("Ver datos de la gráfica", className="small"), *tables],
        className="chart-data",
        **{"aria-label": f"Datos de la gráfica: {label}"},
    )
