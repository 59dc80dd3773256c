"""Entidades page: one profile per entity (logic in dash_app/views/entidades.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, html

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.context import page_chips, state_from_query
from dash_app.state import to_query
from dash_app.views import entidades as view

PATH = "/entidades"
dash.register_page(__name__, path=PATH, name="Entidades", title="Entidades – Tablero Migrante")


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Entidades",
                "El perfil de cada entidad: sus indicadores, sus actividades del plan y su "
                "historial de entregas.",
                "La entidad elegida aquí es el filtro global de entidad. Aplican también periodo "
                "y UTA; la localidad aplica a las cifras.",
            ),
            page_chips(state, PATH),
            *view.render(state),
        ]
    )


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_SELECT, "value"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def choose_entity(entity, search):
    state = state_from_query(query_dict(search))
    new = to_query(state.with_changes(entity=entity or None))
    return url_if_changed(search, to_query(state), new)
