"""Auditoría: the audit log with filters and its export (logic in dash_app/views/auditoria.py).
Only the technical secretariat (admin) opens it; nothing on it edits the log."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from dash.exceptions import PreventUpdate
from flask import request
from flask_login import current_user

from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.views import auditoria as view
from warehouse import audit

PATH = "/auditoria"
P = view.PREFIX
dash.register_page(__name__, path=PATH, name="Auditoría", title="Auditoría – Tablero Migrante")
FILTERS = (
    Input(f"{P}-email", "value"),
    Input(f"{P}-event", "value"),
    Input(f"{P}-from", "value"),
    Input(f"{P}-to", "value"),
)


def _field(label: str, control) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=control.id, className="small mb-0"), control], md=3)


def layout(**_query) -> html.Div:
    return html.Div(
        [
            page_header(
                "Auditoría",
                "Quién hizo qué, cuándo y desde dónde: ingresos, entregas, revisiones, "
                "descargas y exportaciones. Solo lectura.",
            ),
            dbc.Row(
                [
                    _field("Usuario (correo)", dbc.Input(id=f"{P}-email", debounce=True)),
                    _field(
                        "Evento",
                        dbc.Select(id=f"{P}-event", options=view.event_options(), value=""),
                    ),
                    _field("Desde (dd/mm/aaaa)", view.day_input(f"{P}-from")),
                    _field("Hasta (dd/mm/aaaa)", view.day_input(f"{P}-to")),
                ],
                className="mb-2 g-2",
            ),
            html.Div(
                [
                    dbc.Button(
                        "CSV",
                        id=f"{P}-csv",
                        size="sm",
                        color="secondary",
                        outline=True,
                        className="me-2",
                    ),
                    dbc.Button("XLSX", id=f"{P}-xlsx", size="sm", color="secondary", outline=True),
                ],
                className="mb-2",
            ),
            dcc.Loading(html.Div(id=f"{P}-table")),
            dcc.Download(id=f"{P}-download"),
        ]
    )


@callback(Output(f"{P}-table", "children"), *FILTERS)
def show(email, event, start, end):
    return view.table(view.events_frame(email, event, start, end))


@callback(
    Output(f"{P}-download", "data"),
    Input(f"{P}-csv", "n_clicks"),
    Input(f"{P}-xlsx", "n_clicks"),
    *(State(f.component_id, f.component_property) for f in FILTERS),
    prevent_initial_call=True,
)
def export(csv_clicks, xlsx_clicks, email, event, start, end):
    if not (csv_clicks or xlsx_clicks):
        raise PreventUpdate
    frame = view.events_frame(email, event, start, end)
    as_xlsx = ctx.triggered_id == f"{P}-xlsx"
    audit.record(
        None,
        getattr(current_user, "email", None),
        "exportación",
        f"registro de auditoría ({len(frame.index)} filas)",
        request.remote_addr or "",
    )
    return download_table(frame, None, view.COLUMNS, "auditoria", as_xlsx, "auditoría")
