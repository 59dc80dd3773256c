"""Entidades page: one profile per entity (logic in dash_app/views/entidades.py)."""

from __future__ import annotations

import dash
from dash import Input, html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_url_sync
from dash_app.state import state_from_query
from dash_app.views import entidades as view

PATH = "/entidades"
dash.register_page(__name__, path=PATH, name="Entidades", title="Entidades – Tablero Migrante")


@cached_layout
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


# The entity chosen here is the global entity filter.
register_url_sync(
    [Input(view.ID_SELECT, "value")],
    change=lambda state, _keys, entity: (state.with_changes(entity=entity or None), {}),
)
