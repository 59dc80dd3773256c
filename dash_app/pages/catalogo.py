"""Catálogo page: indicator catalogue from the warehouse (logic in dash_app/views/catalogo.py)."""

from __future__ import annotations

import dash
from dash import html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_download
from dash_app.state import state_from_query
from dash_app.views import catalogo as view

PATH = "/catalogo"
dash.register_page(__name__, path=PATH, name="Catálogo", title="Catálogo – Tablero Migrante")


@cached_layout
def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Catálogo de indicadores",
                "Definiciones, unidades, reglas de agregación, responsables y metas, generados "
                "desde el almacén: lo que se lee aquí es lo que se calcula.",
                "Aplican los filtros de entidad y UTA. Periodo y localidad no aplican.",
            ),
            page_chips(state, PATH, uses_period=False),
            *view.render(state),
        ]
    )


register_download(
    view.PREFIX,
    rows=lambda state, _query: view.catalogue_frame(state),
    columns=view.COLUMNS,
    file_name=lambda _state, _query: "catalogo",
    sheet="catálogo",
)
