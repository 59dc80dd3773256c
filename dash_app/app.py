"""Dash application factory: layout shell, navbar and page container; `server` for WSGI."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Dash, html

from dash_app.components.navbar import navbar


def create_app() -> Dash:
    # Bootstrap is served from dash_app/assets/ (no CDN): the app must work offline.
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="pages",
        title="Tablero Migrante – Bogotá D.C.",
        update_title=None,
        suppress_callback_exceptions=True,
        serve_locally=True,
    )
    app.layout = html.Div(
        [
            navbar(),
            dbc.Container(dash.page_container, fluid=True, className="py-3"),
        ],
        lang="es",
    )
    return app


app = None  # created lazily so importing this module never touches the warehouse


def server():  # pragma: no cover - WSGI entry point: `gunicorn 'dash_app.app:server()'`
    return create_app().server
