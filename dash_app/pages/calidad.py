"""Calidad de datos page: deliveries and freshness (logic in dash_app/views/calidad.py)."""

from __future__ import annotations

import dash
from dash import html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_download
from dash_app.state import state_from_query
from dash_app.views import calidad as view

PATH = "/calidad"
dash.register_page(
    __name__, path=PATH, name="Calidad de datos", title="Calidad de datos – Tablero Migrante"
)


@cached_layout
def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Calidad de datos",
                "Entregas de cada entidad por corte: aceptadas y rechazadas, última entrega, "
                "oportunidad frente al plazo del corte y frente a la frecuencia esperada.",
                "Aplica el filtro de entidad en toda la página. El periodo aplica solo a la "
                "tabla por corte (cortes que se cruzan con él). Localidad y UTA no aplican: "
                "una entrega no tiene localidad.",
            ),
            page_chips(state, PATH, uses_locality=False),
            *view.render(state),
        ]
    )


register_download(
    view.PREFIX,
    rows=lambda state, _query: view.delivery_frame(state),
    columns=view.DELIVERY_COLUMNS,
    file_name=lambda _state, _query: "entregas",
)
