"""The one place that resolves the database URL and creates the SQLAlchemy engine."""

from __future__ import annotations

import threading
import warnings
from functools import lru_cache
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.engine import URL

from warehouse.settings import Settings, get_settings


def _embedded_server(settings: Settings):
    """Start (or reuse) the embedded PostgreSQL living under the project's data folder."""
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver  # imported lazily: only the embedded mode needs it

    settings.embedded_pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None keeps the server running after this process exits, so the loader,
    # dbt and the app all share it; `tablero db stop` stops it.
    return pgserver.get_server(settings.embedded_pgdata, cleanup_mode=None)


def _ensure_database(server_url: URL, database: str) -> None:
    admin = create_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                text("select 1 from pg_database where datname = :name"), {"name": database}
            ).scalar()
            if not exists:
                conn.execute(text(f'create database "{database}"'))
    finally:
        admin.dispose()


def resolve_url(settings: Settings | None = None) -> URL:
    """SQLAlchemy URL of the warehouse: DATABASE_URL if set, else the embedded server."""
    settings = settings or get_settings()
    if settings.database_url:
        url = make_url(settings.database_url)
        return url.set(drivername="postgresql+psycopg")
    server = _embedded_server(settings)
    url = make_url(server.get_uri()).set(drivername="postgresql+psycopg")
    _ensure_database(url, settings.database_name)
    return url.set(database=settings.database_name)


def ensure_database(settings: Settings | None = None) -> None:
    """Create the configured database if it does not exist (DATABASE_URL or embedded)."""
    url = resolve_url(settings)
    _ensure_database(url, url.database or "postgres")


@lru_cache(maxsize=8)
def _engine_for(url_string: str) -> Engine:
    """One engine (one connection pool) per resolved URL. No pre-ping on every checkout (a round
    trip per query): a connection the server dropped is retried once (warehouse.marts.query.run)."""
    return create_engine(url_string)


# Resolving the URL costs a round trip in embedded mode (is the server up? does the database
# exist?), so it is done once per configuration, not on every query: keyed by the settings that
# decide the URL. A server stopped by `stop_embedded` is forgotten here so the next call starts it.
_RESOLVED: dict[tuple[str | None, str, str], str] = {}
_RESOLVING = threading.Lock()


def _url_key(settings: Settings) -> tuple[str | None, str, str]:
    return settings.database_url, str(settings.embedded_pgdata), settings.database_name


def get_engine(settings: Settings | None = None) -> Engine:
    """The warehouse's engine, created once per resolved URL (the URL resolved once per
    configuration)."""
    settings = settings or get_settings()
    key = _url_key(settings)
    with _RESOLVING:
        if key not in _RESOLVED:
            _RESOLVED[key] = resolve_url(settings).render_as_string(hide_password=False)
        url_string = _RESOLVED[key]
    return _engine_for(url_string)


def clear_engines() -> None:
    """Forget the resolved URLs and the engines (tests switch databases; `stop_embedded`)."""
    with _RESOLVING:
        _RESOLVED.clear()
    _engine_for.cache_clear()


def forget_after_fork() -> None:
    """In a process just forked (a gunicorn worker): let go of the parent's pooled connections
    without closing them (they are the parent's sockets); the next query opens its own."""
    with _RESOLVING:
        urls = list(_RESOLVED.values())
    for url_string in urls:
        _engine_for(url_string).dispose(close=False)


def libpq_params(url: URL) -> dict[str, str]:
    """Connection parts as libpq/dbt wants them (host may be a unix-socket folder)."""
    host = url.host or url.query.get("host") or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    return {
        "host": str(host),
        "port": str(url.port or 5432),
        "user": url.username or "postgres",
        "password": url.password or "",
        "dbname": url.database or "postgres",
    }


def display_url(url: URL) -> str:
    """A URL safe to print: password hidden, socket folder shown."""
    params = libpq_params(url)
    return (
        f"postgresql://{quote(params['user'])}@/{params['dbname']}?host={params['host']}"
        if params["host"].startswith("/")
        else url.render_as_string(hide_password=True).replace("+psycopg", "")
    )


def stop_embedded(settings: Settings | None = None) -> bool:
    """Stop the embedded server if it runs; True when something was stopped."""
    import os

    settings = settings or get_settings()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        from pgserver._commands import pg_ctl

    if not (settings.embedded_pgdata / "postmaster.pid").exists():
        return False
    user = "pgserver" if os.name == "posix" and os.geteuid() == 0 else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=settings.embedded_pgdata, user=user)
    clear_engines()
    return True
