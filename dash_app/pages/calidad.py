"""Calidad de datos page: deliveries and freshness (logic in dash_app/views/calidad.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html

from dash_app import ids
from dash_app.callbacks import query_dict
from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.context import page_chips, state_from_query
from dash_app.views import calidad as view

PATH = "/calidad"
dash.register_page(
    __name__, path=PATH, name="Calidad de datos", title="Calidad de datos – Tablero Migrante"
)


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Calidad de datos",
                "Entregas de cada entidad por corte: aceptadas y rechazadas, última entrega, "
                "oportunidad frente al plazo del corte y frente a la frecuencia esperada.",
                "Aplica el filtro de entidad en toda la página. El periodo aplica solo a la "
                "tabla por corte (cortes que se cruzan con él). Localidad y UTA no aplican: "
                "una entrega no tiene localidad.",
            ),
            page_chips(
                state,
                PATH,
                uses_locality=False,
            ),
            *view.render(state),
        ]
    )


@callback(
    Output(f"{view.PREFIX}-download", "data"),
    Input(f"{view.PREFIX}-csv", "n_clicks"),
    Input(f"{view.PREFIX}-xlsx", "n_clicks"),
    State(ids.URL, "search"),
    State(f"{view.PREFIX}-table", "virtualRowData"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx, search, grid_rows):
    frame = view.delivery_frame(state_from_query(query_dict(search)))
    as_xlsx = ctx.triggered_id == f"{view.PREFIX}-xlsx"
    return download_table(frame, grid_rows, view.DELIVERY_COLUMNS, "entregas", as_xlsx)
