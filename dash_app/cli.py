"""`tablero`, as installed: the warehouse CLI plus `serve`, which needs the Dash app."""

from __future__ import annotations

import typer

from warehouse.cli import app
from warehouse.settings import get_settings

__all__ = ["app"]


@app.command("serve")
def serve(
    host: str | None = typer.Option(None, help="Dirección (por defecto 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Puerto (por defecto 8050)."),
    debug: bool = typer.Option(
        False, help="Servidor de desarrollo de Dash con recarga y depuración (no para producción)."
    ),
    threads: int = typer.Option(8, min=1, help="Solicitudes atendidas a la vez (waitress)."),
) -> None:
    """Sirve el tablero Dash con waitress (servidor WSGI de producción)."""
    from dash_app.app import create_app  # lazy: other commands need not import Dash

    settings = get_settings()
    host, port = host or settings.app_host, port or settings.app_port
    dash_app = create_app()
    typer.echo(f"Tablero disponible en http://{host}:{port}")
    if debug:
        dash_app.run(host=host, port=port, debug=True)
        return
    from waitress import serve as waitress_serve

    waitress_serve(dash_app.server, host=host, port=port, threads=threads, ident="tablero")


if __name__ == "__main__":
    app()
