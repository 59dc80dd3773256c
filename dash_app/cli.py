"""`tablero`, as installed: the warehouse CLI plus `serve`, which needs the Dash app."""

from __future__ import annotations

import sys

import typer

from warehouse.cli import app
from warehouse.secrets import WeakSecretError
from warehouse.settings import get_settings
from warehouse.users import count_users

__all__ = ["app"]


@app.command("serve")
def serve(
    host: str | None = typer.Option(None, help="Dirección (por defecto 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Puerto (por defecto 8050)."),
    debug: bool = typer.Option(
        False, help="Servidor de desarrollo de Dash con recarga y depuración (no para producción)."
    ),
    threads: int = typer.Option(8, min=1, help="Solicitudes atendidas a la vez por proceso."),
    workers: int = typer.Option(
        1,
        min=1,
        help="Procesos (gunicorn, con caché compartida; 1: waitress en un proceso).",
    ),
) -> None:
    """Sirve el tablero Dash: waitress en un proceso, o gunicorn con --workers N (Linux, macOS)."""
    from dash_app import serving
    from dash_app.app import create_app  # lazy: other commands need not import Dash
    from dash_app.auth.guard import upload_cap

    settings = get_settings()
    host, port = host or settings.app_host, port or settings.app_port
    if workers > 1 and sys.platform == "win32":
        typer.echo("En Windows se sirve con un solo proceso (waitress).")
        workers = 1
    if workers > 1:  # the processes share one cache (before the app is created)
        settings = serving.use_shared_cache(settings)
    try:
        dash_app = create_app()
    except WeakSecretError as error:
        typer.echo(f"No se inicia el tablero: {error}", err=True)
        raise typer.Exit(code=2) from None
    if settings.public_only:
        typer.echo("Versión pública: solo /publico, sin páginas internas.")
    elif not count_users(None):
        typer.echo(
            "Aún no hay usuarios: cree el primer administrador con\n"
            "  tablero user add CORREO --role admin"
        )
    typer.echo(f"Tablero disponible en http://{host}:{port}")
    if workers > 1 and not debug:
        serving.serve_workers(dash_app.server, settings, host, port, workers, threads)
        return
    if not settings.public_only:  # builds queued by deliveries and reviews run in this process
        from warehouse.build_queue import start_worker

        start_worker(settings)
    if debug:
        dash_app.run(host=host, port=port, debug=True)
        return
    from waitress import serve as waitress_serve

    waitress_serve(
        dash_app.server,
        host=host,
        port=port,
        threads=threads,
        ident="tablero",
        # the largest body the app reads: a file at the largest accepted size, in base64 (an
        # upload callback of /entregar, dash_app/auth/guard.py), plus the request around it
        max_request_body_size=max(settings.max_file_bytes + 1024 * 1024, upload_cap()),
    )


if __name__ == "__main__":
    app()
