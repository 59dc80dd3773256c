"""Resumen page: UTA cards for the global filters (logic in dash_app/views/resumen.py)."""

from __future__ import annotations

import dash
from dash import html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.state import state_from_query
from dash_app.views import common, resumen

dash.register_page(__name__, path="/", name="Resumen", title="Resumen – Tablero Migrante")


@cached_layout
def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Resumen",
                "Las cifras principales de cada UTA, el cambio frente a los mismos meses del año "
                "anterior, el cumplimiento de reporte y el estado de las actividades.",
                common.SCOPE_ALL + " El cumplimiento usa el corte que cae en el periodo y es el "
                "de toda la UTA (no le aplican localidad ni entidad).",
            ),
            page_chips(state, "/"),
            *resumen.render(state),
        ]
    )
