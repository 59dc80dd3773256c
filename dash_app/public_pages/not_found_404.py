"""Spanish 404 of the public deployment: only the public figures exist here."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

dash.register_page(__name__, path="/404", title="Página no encontrada – Tablero Migrante")


def layout(**_query) -> html.Div:
    return dbc.Alert(
        [
            html.H1("Página no encontrada", className="h4"),
            html.P("Esta es la versión pública del tablero: solo están los datos públicos."),
            dcc.Link("Ir a los datos públicos", href="/publico"),
        ],
        color="warning",
        className="mt-3",
    )
