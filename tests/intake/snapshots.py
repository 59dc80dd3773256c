"""A checksum of every raw and mart table: proof that a rejected file changed nothing."""

from __future__ import annotations

from sqlalchemy import Engine, text

CHECKSUM = "coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"


def warehouse_snapshot(engine: Engine) -> dict[str, tuple[int, str]]:
    """Row count and an md5 over the sorted rows of every table in raw and marts."""
    with engine.connect() as conn:
        tables = conn.execute(
            text(
                "select table_schema || '.' || table_name from information_schema.tables "
                "where table_schema in ('raw', 'marts') and table_type = 'BASE TABLE' order by 1"
            )
        ).scalars()
        snapshot = {}
        for table in list(tables):
            row = conn.execute(text(f"select count(*), {CHECKSUM} from {table} as t")).one()
            snapshot[table] = (row[0], row[1])
    return snapshot
