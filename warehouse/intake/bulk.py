"""COPY validated rows into their raw table with lineage, reporting progress for large files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from warehouse.contracts import LINEAGE_COLUMNS, ExportKind

# Called as progress(phase, rows done, rows in the file); phase is "Validando" or "Cargando".
Progress = Callable[[str, int, int], None]
PROGRESS_STEP = 1000


def copy_rows(
    conn: Connection,
    kind: ExportKind,
    rows: list[dict[str, Any]],
    lineage: dict[str, Any],
    progress: Progress | None = None,
) -> int:
    """One COPY per file inside the caller's transaction; secret columns are never sent."""
    columns = [c.name for c in (*LINEAGE_COLUMNS, *kind.stored_columns)]
    cursor = conn.connection.driver_connection.cursor()
    written = 0
    with cursor.copy(f"copy {kind.table} ({', '.join(columns)}) from stdin") as copy:
        for row in rows:
            copy.write_row([lineage[c] if c in lineage else row.get(c) for c in columns])
            written += 1
            if progress and written % PROGRESS_STEP == 0:
                progress("Cargando", written, len(rows))
    if progress:
        progress("Cargando", written, len(rows))
    return written
