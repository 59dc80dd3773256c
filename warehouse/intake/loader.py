"""Load one export file: validate it, archive it, and land its rows in raw in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from warehouse.intake.archive import (
    Delivery,
    archive,
    find_identical,
    indicator_history,
    lock_entity_kind,
    supersede,
)
from warehouse.intake.bulk import Progress, copy_rows
from warehouse.intake.inspection import Inspection, archived_content, inspect_bytes
from warehouse.intake.plausibility import History
from warehouse.intake.problems import Problem, errors_of, warnings_of
from warehouse.schema import ensure_schema
from warehouse.secrets import pseudonym_key
from warehouse.settings import Settings, get_settings


@dataclass
class LoadResult:
    file_name: str
    status: str  # aceptado | rechazado | duplicado
    delivery_id: int | None = None
    kind: str | None = None
    row_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    supersedes_delivery_id: int | None = None
    duplicate_of: int | None = None

    @property
    def errors(self) -> list[Problem]:
        return errors_of(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_of(self.problems)

    @property
    def message(self) -> str:
        if self.status == "aceptado":
            text = f"{self.file_name}: aceptado, {self.row_count} fila(s) cargada(s)"
            if self.supersedes_delivery_id:
                text += f" (corrige la entrega {self.supersedes_delivery_id})"
            if self.warnings:
                text += f", {len(self.warnings)} aviso(s)"
            return text + "."
        if self.status == "duplicado":
            return (
                f"{self.file_name}: ya se había recibido este mismo archivo "
                f"(entrega {self.duplicate_of}); no se cambió nada."
            )
        return f"{self.file_name}: rechazado, {len(self.errors)} problema(s). Nada se cargó."


_SCHEMA_READY: set[str] = set()


def _ensure_schema_once(engine: Engine) -> None:
    """DDL once per database and process (it takes table locks; demo loads ~200 files)."""
    key = engine.url.render_as_string(hide_password=False)
    if key not in _SCHEMA_READY:
        ensure_schema(engine)
        _SCHEMA_READY.add(key)


def _history_of(engine: Engine) -> History:
    """The entity's earlier values per series, read when the file's checks need them."""

    def history(owner: str, indicators: list[str]):
        with engine.connect() as conn:
            return indicator_history(conn, owner, indicators)

    return history


def _delivery(
    path: Path,
    data: bytes,
    sha: str,
    inspection: Inspection,
    settings: Settings,
    submitter: str | None,
    received_at: datetime | None,
) -> Delivery:
    """The archive row of an inspected file (its entity as the inspection established it)."""
    content, content_kind = archived_content(
        inspection, data, pseudonym_key(settings), settings.max_file_bytes
    )
    return Delivery(
        file_name=path.name,
        sha256=sha,
        size=len(data),
        content=content,
        content_kind=content_kind,
        kind=inspection.kind.code if inspection.kind else None,
        entity=inspection.entity,
        submitter=submitter,
        status="aceptado" if inspection.ok else "rechazado",
        row_count=len(inspection.rows) if inspection.ok else None,
        problems=inspection.problems,
        periods=inspection.periods,
        received_at=received_at,
    )


def load_bytes(
    engine: Engine,
    path: Path,
    data: bytes,
    *,
    submitter: str | None = None,
    progress: Progress | None = None,
    settings: Settings | None = None,
    received_at: datetime | None = None,
    entity: str | None = None,
) -> LoadResult:
    """Validate and load one file's bytes. Rejected files are archived and change no raw row.
    `entity`: the delivering entity when known (the uploader's); else the file's first row."""
    settings = settings or get_settings()
    _ensure_schema_once(engine)
    sha = hashlib.sha256(data).hexdigest()
    with engine.begin() as conn:
        duplicate = find_identical(conn, sha)
    if duplicate is not None:
        return LoadResult(path.name, "duplicado", duplicate_of=duplicate)

    inspection = inspect_bytes(
        path, data, settings, progress=progress, entity=entity, history=_history_of(engine)
    )
    kind = inspection.kind
    delivery = _delivery(path, data, sha, inspection, settings, submitter, received_at)
    result = LoadResult(path.name, delivery.status, kind=delivery.kind, problems=delivery.problems)
    if not inspection.ok:
        with engine.begin() as conn:
            result.delivery_id = archive(conn, delivery)
        return result

    assert kind is not None
    with engine.begin() as conn:  # all or nothing: archive row, supersession and COPY together
        lock_entity_kind(conn, delivery.entity, kind.code)
        if (duplicate := find_identical(conn, sha)) is not None:  # raced with the same file
            return LoadResult(path.name, "duplicado", duplicate_of=duplicate)
        result.delivery_id = archive(conn, delivery)
        result.supersedes_delivery_id = supersede(conn, result.delivery_id, delivery)
        lineage = {
            "batch_id": result.delivery_id,
            "file_name": path.name,
            "file_sha256": sha,
            "loaded_at": datetime.now(UTC),
        }
        result.row_count = copy_rows(conn, kind, inspection.rows, lineage, progress)
    return result


def load_file(
    engine: Engine,
    path: Path,
    *,
    submitter: str | None = None,
    progress: Progress | None = None,
    received_at: datetime | None = None,
    entity: str | None = None,
) -> LoadResult:
    """Validate and load one file from disk (see load_bytes); `received_at` (default now())
    records when the file was received, e.g. the historical dates of the demo exports."""
    return load_bytes(
        engine,
        path,
        path.read_bytes(),
        submitter=submitter,
        progress=progress,
        received_at=received_at,
        entity=entity,
    )
