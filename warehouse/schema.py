"""Create the intake, raw and auth schemas (idempotent) from SQL files and export contracts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from warehouse.contracts import EXPORT_KINDS, LINEAGE_COLUMNS, ExportKind, raw_table_ddl

SQL_DIR = Path(__file__).parent / "sql"


def _add_missing_columns(kind: ExportKind) -> str:
    """Columns added to a contract after its table was created (older warehouses)."""
    return "\n".join(
        f"alter table {kind.table} add column if not exists {c.name} "
        f"{c.sql_type.replace(' not null', '')};"
        for c in (*LINEAGE_COLUMNS, *kind.stored_columns)
    )


def schema_ddl() -> str:
    files = ("intake.sql", "auth.sql", "portal.sql", "committee.sql")  # portal.sql needs intake
    base = "\n\n".join((SQL_DIR / name).read_text(encoding="utf-8") for name in files)
    tables = "\n\n".join(
        raw_table_ddl(kind) + "\n" + _add_missing_columns(kind) for kind in EXPORT_KINDS.values()
    )
    return base + "\n\n" + tables


def ensure_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        # Serialise concurrent callers (tests, demo, loader) so DDL never races.
        conn.exec_driver_sql("select pg_advisory_xact_lock(4242001)")
        conn.exec_driver_sql(schema_ddl())


_READY: set[str] = set()


def ensure_schema_once(engine: Engine) -> None:
    """ensure_schema once per database and process (its DDL takes table locks): for services
    called on every request, such as the entity portal's."""
    key = engine.url.render_as_string(hide_password=False)
    if key not in _READY:
        ensure_schema(engine)
        _READY.add(key)
