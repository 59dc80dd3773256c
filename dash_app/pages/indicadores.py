"""Indicadores page: the explorer (logic in dash_app/views/indicadores.py)."""

from __future__ import annotations

import dash
from dash import Input, ctx, html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import clicked, register_download, register_url_sync
from dash_app.state import FilterState, page_params, state_from_query
from dash_app.views import common, downloads
from dash_app.views import indicadores as view

PATH = "/indicadores"
dash.register_page(__name__, path=PATH, name="Indicadores", title="Indicadores – Tablero Migrante")


def _extras(query: dict) -> dict:
    return page_params(query, view.page_keys(common.catalogue()))


def _current(state: FilterState, query: dict) -> dict:
    return view.resolve(state, _extras(query))


def _change(state: FilterState, keys: dict, code, grain, dimension, click):
    """A selector changes the page keys; a click on a ranking bar adds that locality."""
    if ctx.triggered_id == view.ID_RANKING:
        locality = clicked(click, "customdata")
        if not locality or locality in state.localities:
            return None
        return state.with_changes(localities=tuple(sorted({*state.localities, locality}))), keys
    chosen = {view.K_INDICATOR: code, view.K_GRAIN: grain, view.K_DIMENSION: dimension}
    return state, view.resolve(state, chosen)


def _download_rows(state: FilterState, query: dict):
    return view.table_frame(_indicator(state, query), state)


def _download_name(state: FilterState, query: dict) -> str:
    return f"{_indicator(state, query)}_{state.start:%Y-%m}_{state.end:%Y-%m}"


def _indicator(state: FilterState, query: dict) -> str:
    return _extras(query)[view.K_INDICATOR] or common.catalogue(state)["indicator_code"].iloc[0]


@cached_layout
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


register_url_sync(
    [
        Input(view.ID_SELECT, "value"),
        Input(view.ID_GRAIN, "value"),
        Input(view.ID_DIMENSION, "value"),
        Input(view.ID_RANKING, "clickData"),
    ],
    change=_change,
    current=_current,
)


def _describe(state: FilterState, query: dict):
    code = _indicator(state, query)
    return downloads.indicator_description(code, view.table_frame(code, state))


register_download(
    view.PREFIX, _download_rows, view.TABLE_COLUMNS, _download_name, describe=_describe
)
