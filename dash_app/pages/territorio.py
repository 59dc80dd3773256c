"""Territorio page: locality map and profile (logic in dash_app/views/territorio.py)."""

from __future__ import annotations

import dash
from dash import Input, ctx, html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import clicked, register_url_sync
from dash_app.state import FilterState, page_params, state_from_query
from dash_app.views import common
from dash_app.views import territorio as view

PATH = "/territorio"
dash.register_page(__name__, path=PATH, name="Territorio", title="Territorio – Tablero Migrante")


def _extras(query: dict) -> dict:
    return page_params(query, view.page_keys(common.catalogue()))


def _current(state: FilterState, query: dict) -> dict:
    return view.resolve(state, _extras(query))


def _change(state: FilterState, keys: dict, code, measure, area, click):
    """A selector changes the page keys; a click on the map filters by that locality alone."""
    if ctx.triggered_id == view.ID_MAP:
        locality = clicked(click, "location")
        return (state.with_changes(localities=(locality,)), keys) if locality else None
    chosen = {view.K_INDICATOR: code, view.K_MEASURE: measure, view.K_AREA: area}
    return state, view.resolve(state, chosen)


@cached_layout
def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(query)
    return html.Div(
        [
            page_header(
                "Territorio",
                "Mapa de las 20 localidades para el indicador elegido, en valor absoluto o por "
                "1.000 habitantes, y el perfil de una localidad.",
                "Aplican periodo, entidad y UTA. El mapa muestra siempre todas las localidades: "
                "la localidad filtrada se resalta y su perfil aparece a la derecha.",
            ),
            page_chips(state, PATH, extras),
            *view.render(
                state, extras[view.K_INDICATOR], extras[view.K_MEASURE], extras[view.K_AREA]
            ),
        ]
    )


register_url_sync(
    [
        Input(view.ID_SELECT, "value"),
        Input(view.ID_MEASURE, "value"),
        Input(view.ID_AREA, "value"),
        Input(view.ID_MAP, "clickData"),
    ],
    change=_change,
    current=_current,
)
