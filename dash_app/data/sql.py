"""Shared helpers of the app's own query modules: bound-parameter SELECTs on marts.* only."""

from __future__ import annotations

import logging

import pandas as pd
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from warehouse.db import get_engine

log = logging.getLogger(__name__)


def frame(sql: str, params: dict | None = None, columns: list[str] | None = None) -> pd.DataFrame:
    """Run one SELECT; a mart not built yet gives an empty frame (the page says 'sin datos')."""
    try:
        with get_engine().connect() as conn:
            result = conn.execute(text(sql), params or {})
            return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    except ProgrammingError as error:  # undefined table/function: that mart is not built yet
        log.warning("consulta sin mart disponible: %s", error.orig)
        return pd.DataFrame(columns=columns or [])


def scalar(sql: str, params: dict | None = None):
    try:
        with get_engine().connect() as conn:
            return conn.execute(text(sql), params or {}).scalar()
    except ProgrammingError as error:
        log.warning("consulta sin mart disponible: %s", error.orig)
        return None
