"""`tablero serve --workers N`: N processes under gunicorn (Linux/macOS), sharing one cache.

The app is created once in gunicorn's master (preload) and forked into the workers; each worker
drops the pooled connections it inherited (they belong to the master) and opens its own. The
dashboard cache is shared (files under the data folder unless TABLERO_CACHE_URL names Redis), so
a page built by one worker is served warm by all; it is keyed by the dbt build, so each build
invalidates it. Sessions live in PostgreSQL and the CSRF token in the signed cookie, so a user's
requests may land on any worker. The build queue runs once, in a process of its own next to the
master (not per worker, and not a thread across fork()).
"""

from __future__ import annotations

import multiprocessing
import os

from warehouse import processes
from warehouse.settings import Settings, get_settings


def shared_cache_url(settings: Settings) -> str:
    """TABLERO_CACHE_URL if set, else a folder of files for this database under data_dir."""
    if settings.cache_url:
        return settings.cache_url
    database = processes.database_name(settings)
    return f"file://{settings.data_dir / 'cache' / database}"


def use_shared_cache(settings: Settings) -> Settings:
    """Point the app's cache at the shared one (before the app is created); the new settings."""
    os.environ["TABLERO_CACHE_URL"] = shared_cache_url(settings)
    get_settings.cache_clear()
    return get_settings()


def _run_build_worker() -> None:  # pragma: no cover - runs in its own process
    from warehouse.build_queue import Worker

    Worker(get_settings()).run()


def start_build_process() -> multiprocessing.Process:
    """The build-queue worker in one spawned process (ends with the server)."""
    process = multiprocessing.get_context("spawn").Process(
        target=_run_build_worker, name="tablero-builds", daemon=True
    )
    process.start()
    return process


def gunicorn_serve(wsgi_app, host: str, port: int, workers: int, threads: int) -> None:
    """Serve `wsgi_app` with gunicorn: `workers` processes of `threads` threads each."""
    from gunicorn.app.base import BaseApplication

    def post_fork(_server, _worker) -> None:
        processes.after_fork()

    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        "post_fork": post_fork,
        "proc_name": "tablero",
        "control_socket_disable": True,
        "accesslog": None,
        "timeout": 120,  # a large upload and its validation fit in one request
        # idle keep-alive connections stay open longer than a user thinks (1–3 s between
        # clicks): with the default 2 s the server closed sockets the client was reusing
        "keepalive": 75,
        "forwarded_allow_ips": "127.0.0.1",
    }

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return wsgi_app

    Server().run()


def serve_workers(wsgi_app, settings: Settings, host: str, port: int, workers: int, threads: int):
    """`tablero serve --workers N`: the build queue once, then gunicorn until stopped."""
    import typer

    shared = "Redis" if (settings.cache_url or "").startswith(("redis", "unix")) else "archivos"
    typer.echo(f"{workers} procesos (gunicorn) con caché compartida ({shared}).")
    if not settings.public_only:  # builds queued by deliveries and reviews: run once
        start_build_process()
    gunicorn_serve(wsgi_app, host, port, workers, threads)
