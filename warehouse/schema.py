"""Create the intake and raw schemas (idempotent) from the SQL file and the export contracts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from warehouse.contracts import EXPORT_KINDS, raw_table_ddl

SQL_DIR = Path(__file__).parent / "sql"


def schema_ddl() -> str:
    base = (SQL_DIR / "intake.sql").read_text(encoding="utf-8")
    tables = "\n\n".join(raw_table_ddl(kind) for kind in EXPORT_KINDS.values())
    return base + "\n\n" + tables


def ensure_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(schema_ddl())
