"""Territorio page: locality map and profile (logic in dash_app/views/territorio.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html, no_update

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.context import page_chips, state_from_query
from dash_app.state import page_params, to_query
from dash_app.views import common
from dash_app.views import territorio as view

PATH = "/territorio"
dash.register_page(__name__, path=PATH, name="Territorio", title="Territorio – Tablero Migrante")


def _extras(query: dict) -> dict:
    return page_params(query, view.page_keys(common.catalogue()))


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


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_SELECT, "value"),
    Input(view.ID_MEASURE, "value"),
    Input(view.ID_AREA, "value"),
    Input(view.ID_MAP, "clickData"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def update_url(code, measure, area, click, search):
    query = query_dict(search)
    state = state_from_query(query)
    extras = view.resolve(state, _extras(query))
    old = to_query(state, extras)
    if ctx.triggered_id == view.ID_MAP:
        if not click or not click.get("points"):
            return no_update
        locality = click["points"][0].get("location")
        if not locality:
            return no_update
        state = state.with_changes(localities=(locality,))
    else:
        extras = view.resolve(
            state, {view.K_INDICATOR: code, view.K_MEASURE: measure, view.K_AREA: area}
        )
    return url_if_changed(search, old, to_query(state, extras))
