"""The audit log (auth.events): who did what, when and from where. Logins are written by
warehouse/users.py; deliveries, reviews, downloads and exports here. Append-only: nothing in
the app updates or deletes a row of it."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from warehouse.db import get_engine

EVENT_COLUMNS = ["event_id", "occurred_at", "email", "event", "detail", "client_address"]
MAX_ROWS = 5000


def record(
    engine: Engine | None, email: str | None, event: str, detail: str = "", address: str = ""
) -> None:
    with (engine or get_engine()).begin() as conn:
        conn.execute(
            text(
                "insert into auth.events (email, event, detail, client_address) "
                "values (:email, :event, :detail, :address)"
            ),
            {"email": email, "event": event, "detail": detail[:2000], "address": address[:100]},
        )


def record_download(email: str | None, detail: str, address: str = "") -> None:
    """A page's download or export («descarga»): who, what and with which filters. A failure
    to write it is logged, and the file is still served (a download never crashes)."""
    try:
        record(None, email, "descarga", detail, address)
    except SQLAlchemyError as error:
        logging.getLogger(__name__).error("descarga sin auditar (%s): %s", detail, error)


def events(
    engine: Engine | None = None,
    *,
    email: str | None = None,
    event: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = MAX_ROWS,
) -> pd.DataFrame:
    """Newest first; `email` and `event` match any part (case-insensitive), start..end by day."""
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(
            text(
                f"select {', '.join(EVENT_COLUMNS)} from auth.events "
                "where (cast(:email as text) is null or email ilike '%' || :email || '%') "
                "and (cast(:event as text) is null or event ilike '%' || :event || '%') "
                "and (cast(:start as date) is null or occurred_at >= :start) "
                "and (cast(:end as date) is null or occurred_at < :end) "
                "order by event_id desc limit :limit"
            ),
            {
                "email": email or None,
                "event": event or None,
                "start": start,
                "end": end + timedelta(days=1) if end else None,
                "limit": limit,
            },
        ).all()
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def event_names(engine: Engine | None = None) -> list[str]:
    with (engine or get_engine()).connect() as conn:
        return list(
            conn.execute(text("select distinct event from auth.events order by event")).scalars()
        )
