"""The read API's one query helper: bound-parameter SELECTs on marts.* only.

Lean on purpose (docs/rendimiento.md): the statement runs straight on a pooled connection of the
one engine per URL and the frame is built from the rows (no pandas.read_sql, which looks the
statement up in the catalogue first). The pool does not ping before every checkout; a connection
the server dropped (a restart, an idle timeout) fails its query, SQLAlchemy invalidates the pool,
and the query is retried once on a fresh connection."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
from sqlalchemy import Connection, Row, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from warehouse.db import get_engine

log = logging.getLogger(__name__)
T = TypeVar("T")


def run(work: Callable[[Connection], T]) -> T:
    """work(connection) on a pooled connection; once more on a new one if the first was dead."""
    try:
        with get_engine().connect() as conn:
            return work(conn)
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        log.warning("conexión cerrada por el servidor; se reintenta una vez: %s", error.orig)
    with get_engine().connect() as conn:
        return work(conn)


def frame(
    sql: str,
    params: dict | None = None,
    columns: list[str] | None = None,
    *,
    coerce_float: bool = False,
) -> pd.DataFrame:
    """Run one SELECT; a mart not built yet gives an empty frame (the page says 'sin datos').

    coerce_float turns numeric (Decimal) columns into floats, as pandas.read_sql does; figures
    keep their Decimal values by default."""

    def fetch(conn: Connection):
        result = conn.execute(text(sql), params or {})
        return list(result.keys()), result.fetchall()

    try:
        keys, rows = run(fetch)
    except ProgrammingError as error:  # undefined table/function: that mart is not built yet
        log.warning("consulta sin mart disponible: %s", error.orig)
        return pd.DataFrame(columns=columns or [])
    if coerce_float:
        return pd.DataFrame.from_records(rows, columns=keys, coerce_float=True)
    return pd.DataFrame(rows, columns=keys)


def first(sql: str, params: dict | None = None) -> Row | None:
    """The first row of one SELECT, or None (errors propagate, as the callers expect)."""
    return run(lambda conn: conn.execute(text(sql), params or {}).first())


def scalar(sql: str, params: dict | None = None):
    try:
        return run(lambda conn: conn.execute(text(sql), params or {}).scalar())
    except ProgrammingError as error:
        log.warning("consulta sin mart disponible: %s", error.orig)
        return None
