"""Indicadores page: the explorer (logic in dash_app/views/indicadores.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html, no_update

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.context import page_chips, state_from_query
from dash_app.state import page_params, to_query
from dash_app.views import common
from dash_app.views import indicadores as view

PATH = "/indicadores"
dash.register_page(__name__, path=PATH, name="Indicadores", title="Indicadores – Tablero Migrante")


def _extras(query: dict) -> dict:
    return page_params(query, view.page_keys(common.catalogue()))


def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(query)
    return html.Div(
        [
            page_header(
                "Indicadores",
                "Explore un indicador: definición, regla de agregación, serie, ranking por "
                "localidad, desagregaciones y los datos y entregas detrás de la cifra.",
                common.SCOPE_ALL + " El ranking muestra todas las localidades; un clic en una "
                "barra filtra la página por esa localidad.",
            ),
            page_chips(state, PATH, extras),
            *view.render(
                state, extras[view.K_INDICATOR], extras[view.K_GRAIN], extras[view.K_DIMENSION]
            ),
        ]
    )


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_SELECT, "value"),
    Input(view.ID_GRAIN, "value"),
    Input(view.ID_DIMENSION, "value"),
    Input(view.ID_RANKING, "clickData"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def update_url(code, grain, dimension, click, search):
    query = query_dict(search)
    state = state_from_query(query)
    extras = view.resolve(state, _extras(query))
    old = to_query(state, extras)
    if ctx.triggered_id == view.ID_RANKING:
        if not click or not click.get("points"):
            return no_update
        locality = click["points"][0].get("customdata")
        if not locality or locality in state.localities:
            return no_update
        state = state.with_changes(localities=tuple(sorted({*state.localities, locality})))
    else:
        extras = view.resolve(
            state, {view.K_INDICATOR: code, view.K_GRAIN: grain, view.K_DIMENSION: dimension}
        )
    return url_if_changed(search, old, to_query(state, extras))


@callback(
    Output(f"{view.PREFIX}-download", "data"),
    Input(f"{view.PREFIX}-csv", "n_clicks"),
    Input(f"{view.PREFIX}-xlsx", "n_clicks"),
    State(ids.URL, "search"),
    State(f"{view.PREFIX}-table", "virtualRowData"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx, search, grid_rows):
    query = query_dict(search)
    state = state_from_query(query)
    code = _extras(query)[view.K_INDICATOR] or common.catalogue(state)["indicator_code"].iloc[0]
    name = f"{code}_{state.start:%Y-%m}_{state.end:%Y-%m}"
    as_xlsx = ctx.triggered_id == f"{view.PREFIX}-xlsx"
    return download_table(
        view.table_frame(code, state), grid_rows, view.TABLE_COLUMNS, name, as_xlsx
    )
