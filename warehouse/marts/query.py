"""The read API's one query helper: bound-parameter SELECTs on marts.* only."""

from __future__ import annotations

import logging

import pandas as pd
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from warehouse.db import get_engine

log = logging.getLogger(__name__)


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
    try:
        with get_engine().connect() as conn:
            result = conn.execute(text(sql), params or {})
            keys = list(result.keys())
            rows = result.fetchall()
    except ProgrammingError as error:  # undefined table/function: that mart is not built yet
        log.warning("consulta sin mart disponible: %s", error.orig)
        return pd.DataFrame(columns=columns or [])
    if coerce_float:
        return pd.DataFrame.from_records(rows, columns=keys, coerce_float=True)
    return pd.DataFrame(rows, columns=keys)


def scalar(sql: str, params: dict | None = None):
    try:
        with get_engine().connect() as conn:
            return conn.execute(text(sql), params or {}).scalar()
    except ProgrammingError as error:
        log.warning("consulta sin mart disponible: %s", error.orig)
        return None
