"""Catálogo page: indicator catalogue from the warehouse (logic in dash_app/views/catalogo.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html

from dash_app import ids
from dash_app.callbacks import query_dict
from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.context import page_chips, state_from_query
from dash_app.views import catalogo as view

PATH = "/catalogo"
dash.register_page(__name__, path=PATH, name="Catálogo", title="Catálogo – Tablero Migrante")


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Catálogo de indicadores",
                "Definiciones, unidades, reglas de agregación, responsables y metas, generados "
                "desde el almacén: lo que se lee aquí es lo que se calcula.",
                "Aplican los filtros de entidad y UTA. Periodo y localidad no aplican.",
            ),
            page_chips(state, PATH, uses_period=False),
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
    frame = view.catalogue_frame(state_from_query(query_dict(search)))
    as_xlsx = ctx.triggered_id == f"{view.PREFIX}-xlsx"
    return download_table(frame, grid_rows, view.COLUMNS, "catalogo", as_xlsx, "catálogo")
