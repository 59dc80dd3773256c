"""Datos públicos page (docs/dominio.md, Hoja de ruta, paso 4; logic in views/publico.py)."""

from __future__ import annotations

import dash
from dash import Input, html

from dash_app.components.common import page_header
from dash_app.components.page_callbacks import register_download, register_url_sync
from dash_app.public_mode import is_public_only
from dash_app.state import FilterState, filter_context, state_from_query
from dash_app.views import publico as view

PATH = "/publico"
dash.register_page(
    __name__, path=PATH, name="Datos públicos", title="Datos públicos – Tablero Migrante"
)


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Datos públicos",
                "Cifras agregadas de los indicadores publicables por corte de seguimiento, para "
                "todo el Distrito y por localidad. Las cifras pequeñas se ocultan para proteger "
                "a las personas.",
                "Se elige el corte."
                if is_public_only()
                else "Se elige el corte; los filtros de localidad, entidad y UTA no aplican.",
            ),
            *view.render(state),
        ]
    )


def _choose_cutoff(state: FilterState, _keys: dict, cutoff):
    """The chosen cut-off becomes the global period, so other pages follow it."""
    bounds = filter_context().cutoffs.get(cutoff) if isinstance(cutoff, str) else None
    if bounds is None:
        return None
    return state.with_changes(start=bounds[0], end=bounds[1]), {}


register_url_sync([Input(view.ID_CUTOFF, "value")], change=_choose_cutoff)
# The whole cut-off the page shows (the URL's period, as view.render picks it).
register_download(
    view.PREFIX,
    rows=lambda state, _query: view.figures_frame(view.chosen_cutoff(state)),
    columns=view.EXPORT_COLUMNS,
    file_name=lambda state, _query: f"datos_publicos_{view.chosen_cutoff(state)}",
    sheet="datos públicos",
    follows_grid=False,
    describe=lambda _state, _query: [("Revisión", view.REVIEW_NOTE)],
)
