"""Comité y gobernanza page (logic in dash_app/views/gobernanza.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, html

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.context import page_chips, state_from_query
from dash_app.state import to_query
from dash_app.views import gobernanza as view

PATH = "/gobernanza"
dash.register_page(
    __name__, path=PATH, name="Comité y gobernanza", title="Comité y gobernanza – Tablero Migrante"
)


def _extras(query: dict) -> dict:
    chosen = view.parse_session(query.get(view.K_SESSION))
    return {view.K_SESSION: chosen.isoformat() if chosen else None}


def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(query)
    return html.Div(
        [
            page_header(
                "Comité y gobernanza",
                "Verificación del quórum de las sesiones del comité y nivel de madurez de la "
                "gobernanza migratoria del Distrito por dominio.",
                "Aplica el periodo: elige las sesiones y evaluaciones que caen en él (o la más "
                "reciente si ninguna cae). Localidad, entidad y UTA no aplican: el quórum y la "
                "madurez son del comité y del Distrito en conjunto.",
            ),
            page_chips(
                state,
                PATH,
                extras,
                uses_locality=False,
            ),
            *view.render(state, extras[view.K_SESSION]),
        ]
    )


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_SESSION, "value"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def update_url(session, search):
    query = query_dict(search)
    state = state_from_query(query)
    old = to_query(state, _extras(query))
    chosen = view.session_for_url(state, view.parse_session(session))
    return url_if_changed(search, old, to_query(state, {view.K_SESSION: chosen}))
