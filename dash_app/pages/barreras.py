"""Barreras y avances page (logic in dash_app/views/barreras.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, html

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.context import page_chips, state_from_query
from dash_app.state import to_query
from dash_app.views import barreras as view

PATH = "/barreras"
dash.register_page(
    __name__, path=PATH, name="Barreras y avances", title="Barreras y avances – Tablero Migrante"
)


def _extras(query: dict) -> dict:
    kind = query.get(view.K_KIND)
    return {
        view.K_SEARCH: view.clean_search(query.get(view.K_SEARCH)),
        view.K_KIND: kind
        if isinstance(kind, str) and kind in view.KINDS and kind != "todo"
        else None,
    }


def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(query)
    return html.Div(
        [
            page_header(
                "Barreras y avances",
                "Barreras identificadas y actividades destacadas por UTA y entidad, con búsqueda.",
                "Aplican periodo (elige el corte), entidad y UTA. La localidad no aplica.",
            ),
            page_chips(
                state,
                PATH,
                extras,
                uses_locality=False,
            ),
            *view.render(state, extras[view.K_SEARCH], extras[view.K_KIND]),
        ]
    )


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_SEARCH, "value"),
    Input(view.ID_KIND, "value"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def update_url(text, kind, search):
    query = query_dict(search)
    state = state_from_query(query)
    old = to_query(state, _extras(query))
    extras = {
        view.K_SEARCH: view.clean_search(text),
        view.K_KIND: kind if kind in view.KINDS and kind != "todo" else None,
    }
    return url_if_changed(search, old, to_query(state, extras))
