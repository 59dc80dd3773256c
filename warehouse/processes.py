"""What a server with several processes needs from the warehouse's connections."""

from __future__ import annotations

from warehouse import db
from warehouse.settings import Settings


def database_name(settings: Settings) -> str:
    """The warehouse database the settings point at (names the shared cache's folder)."""
    return db.get_engine(settings).url.database or "tablero"


def after_fork() -> None:
    """In a freshly forked worker: drop the pooled connections inherited from the parent."""
    db.forget_after_fork()
