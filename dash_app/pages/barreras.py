"""Barreras y avances page (logic in dash_app/views/barreras.py)."""

from __future__ import annotations

import dash
from dash import Input, html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_download, register_url_sync
from dash_app.state import FilterState, state_from_query
from dash_app.views import barreras as view
from dash_app.views import downloads

PATH = "/barreras"
dash.register_page(
    __name__, path=PATH, name="Barreras y avances", title="Barreras y avances – Tablero Migrante"
)


def _keys(text: object, kind: object) -> dict:
    return {
        view.K_SEARCH: view.clean_search(text),
        view.K_KIND: kind
        if isinstance(kind, str) and kind in view.KINDS and kind != "todo"
        else None,
    }


def _extras(_state: FilterState, query: dict) -> dict:
    return _keys(query.get(view.K_SEARCH), query.get(view.K_KIND))


@cached_layout
def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(state, query)
    return html.Div(
        [
            page_header(
                "Barreras y avances",
                "Barreras identificadas y actividades destacadas por UTA y entidad, con búsqueda.",
                "Aplican periodo (elige el corte), entidad y UTA. La localidad no aplica.",
            ),
            page_chips(state, PATH, extras, uses_locality=False),
            *view.render(state, extras[view.K_SEARCH], extras[view.K_KIND]),
        ]
    )


register_url_sync(
    [Input(view.ID_SEARCH, "value"), Input(view.ID_KIND, "value")],
    change=lambda state, _keys_now, text, kind: (state, _keys(text, kind)),
    current=_extras,
)


def _rows(state: FilterState, query: dict):
    keys = _extras(state, query)
    return view.items(state, keys[view.K_SEARCH], keys[view.K_KIND])


def _describe(state: FilterState, query: dict):
    keys = _extras(state, query)
    return downloads.barriers_description(state, keys[view.K_SEARCH], keys[view.K_KIND])


register_download(
    view.EXPORT,
    _rows,
    view.EXPORT_COLUMNS,
    lambda state, _query: f"barreras_{state.start:%Y-%m}_{state.end:%Y-%m}",
    sheet="barreras",
    follows_grid=False,
    describe=_describe,
    uses_locality=False,
)
