"""Load one export file: archive it, validate it, and land it in raw in a single transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from warehouse.contracts import EXPORT_KINDS, LINEAGE_COLUMNS, ExportKind
from warehouse.intake.reader import ReadError, read_table
from warehouse.intake.validation import Problem, detect_kind, validate_table
from warehouse.schema import ensure_schema


@dataclass
class LoadResult:
    file_name: str
    status: str  # aceptado | rechazado | duplicado
    delivery_id: int | None = None
    kind: str | None = None
    row_count: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def message(self) -> str:
        if self.status == "aceptado":
            return f"{self.file_name}: aceptado, {self.row_count} filas cargadas."
        if self.status == "duplicado":
            return f"{self.file_name}: ya se había recibido este mismo archivo; no se cambió nada."
        first = next((p for p in self.problems if p.severity == "error"), None)
        return f"{self.file_name}: rechazado. {first}" if first else f"{self.file_name}: rechazado."


def _archive(
    conn: Connection,
    *,
    path: Path,
    data: bytes,
    sha: str,
    kind: str | None,
    entity: str | None,
    submitter: str | None,
    status: str,
    row_count: int | None,
    problems: list[Problem],
) -> int:
    return conn.execute(
        text(
            "insert into intake.deliveries (file_name, file_sha256, file_size, content, kind, "
            "entity_code, submitter, status, row_count, error_report) values (:name, :sha, :size, "
            ":content, :kind, :entity, :submitter, :status, :rows, cast(:report as jsonb)) "
            "returning delivery_id"
        ),
        {
            "name": path.name,
            "sha": sha,
            "size": len(data),
            "content": data,
            "kind": kind,
            "entity": entity,
            "submitter": submitter,
            "status": status,
            "rows": row_count,
            "report": json.dumps([p.as_dict() for p in problems], ensure_ascii=False),
        },
    ).scalar_one()


def _copy_rows(conn: Connection, kind: ExportKind, rows: list[dict], lineage: dict) -> None:
    columns = [c.name for c in (*LINEAGE_COLUMNS, *kind.columns, *kind.derived)]
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"copy {kind.table} ({', '.join(columns)}) from stdin") as copy:
        for row in rows:
            copy.write_row([lineage[c] if c in lineage else row.get(c) for c in columns])


def _already_accepted(conn: Connection, sha: str) -> bool:
    return bool(
        conn.execute(
            text(
                "select 1 from intake.deliveries where file_sha256 = :sha and status = 'aceptado'"
            ),
            {"sha": sha},
        ).first()
    )


def load_file(engine: Engine, path: Path, *, submitter: str | None = None) -> LoadResult:
    """Validate and load one file. Rejected files are archived and change no raw row."""
    ensure_schema(engine)
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    with engine.begin() as conn:
        if _already_accepted(conn, sha):
            return LoadResult(path.name, "duplicado")

    kind: ExportKind | None = None
    rows: list[dict] = []
    try:
        table = read_table(path, data)
        kind = detect_kind(table.header)
        if kind is None:
            expected = "; ".join(
                f"{k.label}: {', '.join(k.column_names)}" for k in EXPORT_KINDS.values()
            )
            problems = [
                Problem(
                    1,
                    None,
                    ", ".join(table.header),
                    "El encabezado no corresponde a ninguna plantilla.",
                    f"Use una plantilla oficial. Columnas esperadas — {expected}.",
                )
            ]
        else:
            rows, problems = validate_table(table, kind)
    except ReadError as exc:
        problems = [Problem(None, None, None, str(exc), "Guarde el archivo como .xlsx o .csv.")]

    entities = sorted({r["entidad"] for r in rows if r.get("entidad")})
    entity = entities[0] if len(entities) == 1 else None
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        with engine.begin() as conn:
            delivery_id = _archive(
                conn,
                path=path,
                data=data,
                sha=sha,
                kind=kind.code if kind else None,
                entity=entity,
                submitter=submitter,
                status="rechazado",
                row_count=None,
                problems=problems,
            )
        return LoadResult(
            path.name, "rechazado", delivery_id, kind.code if kind else None, 0, problems
        )

    assert kind is not None
    with engine.begin() as conn:
        delivery_id = _archive(
            conn,
            path=path,
            data=data,
            sha=sha,
            kind=kind.code,
            entity=entity,
            submitter=submitter,
            status="aceptado",
            row_count=len(rows),
            problems=problems,
        )
        lineage = {
            "batch_id": delivery_id,
            "file_name": path.name,
            "file_sha256": sha,
            "loaded_at": datetime.now(UTC),
        }
        _copy_rows(conn, kind, rows, lineage)
    return LoadResult(path.name, "aceptado", delivery_id, kind.code, len(rows), problems)
