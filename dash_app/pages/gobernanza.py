"""Comité y gobernanza page (logic in dash_app/views/gobernanza.py)."""

from __future__ import annotations

import dash
from dash import Input, html

from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_url_sync
from dash_app.state import FilterState, state_from_query
from dash_app.views import gobernanza as view

PATH = "/gobernanza"
dash.register_page(
    __name__, path=PATH, name="Comité y gobernanza", title="Comité y gobernanza – Tablero Migrante"
)


def _extras(_state: FilterState, query: dict) -> dict:
    chosen = view.parse_session(query.get(view.K_SESSION))
    return {view.K_SESSION: chosen.isoformat() if chosen else None}


def _choose_session(state: FilterState, _keys: dict, session) -> tuple[FilterState, dict]:
    chosen = view.session_for_url(state, view.parse_session(session))
    return state, {view.K_SESSION: chosen}


# Not cached_layout: the quorum reads live views (a mark made in a session shows at once); the
# maturity queries under it are cached per build by cached_call.
def layout(**query) -> html.Div:
    state = state_from_query(query)
    extras = _extras(state, query)
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
            page_chips(state, PATH, extras, uses_locality=False),
            *view.render(state, extras[view.K_SESSION]),
        ]
    )


register_url_sync([Input(view.ID_SESSION, "value")], change=_choose_session, current=_extras)
