"""Spanish 404 page (Dash pages uses the module named not_found_404)."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

dash.register_page(__name__, path="/404", title="Página no encontrada – Tablero Migrante")


def layout(**_query) -> html.Div:
    return dbc.Alert(
        [
            html.H1("Página no encontrada", className="h4"),
            html.P("La dirección no corresponde a ninguna página del tablero."),
            dcc.Link("Volver al resumen", href="/"),
        ],
        color="warning",
        className="mt-3",
    )
