"""Read and validate a file without touching the warehouse (what `tablero check` runs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from warehouse.contracts import EXPORT_KINDS, ExportKind
from warehouse.intake.bulk import Progress
from warehouse.intake.catalog import load_catalog
from warehouse.intake.header import Table
from warehouse.intake.identity import (
    carries_identities,
    mask_problem,
    may_hold_identity_numbers,
    pseudonymised_copy,
)
from warehouse.intake.ownership import establish_entity
from warehouse.intake.plausibility import (
    History,
    breakdown_problems,
    jump_warnings,
    total_row_problems,
)
from warehouse.intake.problems import Problem, errors_of, file_problem, warnings_of
from warehouse.intake.reader import ReadError, read_table
from warehouse.intake.structure import physical_lines, structure_problems
from warehouse.intake.validation import detect_kind, mask, validate_table
from warehouse.settings import Settings, get_settings


@dataclass
class Inspection:
    file_name: str
    kind: ExportKind | None = None
    table: Table | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    entity: str | None = None  # the delivering entity, established once (ownership.py)
    month_readings: dict[str, str] = field(default_factory=dict)  # text → how it was read

    @property
    def errors(self) -> list[Problem]:
        return errors_of(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_of(self.problems)

    @property
    def ok(self) -> bool:
        return self.kind is not None and not self.errors

    @property
    def physical_lines(self) -> int | None:
        """Physical lines of the data rows (CSV), reported beside the rows read."""
        return physical_lines(self.table) if self.table is not None else None

    @property
    def periods(self) -> list[str]:
        if self.kind is None or not self.kind.period:
            return []
        return sorted(
            {
                "|".join(_period_text(r.get(c)) for c in self.kind.period)
                for r in self.rows
                if all(r.get(c) is not None for c in self.kind.period)
            }
        )


def _period_text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _no_template_problem(table: Table) -> Problem:
    expected = " | ".join(f"{k.label}: {', '.join(k.column_names)}" for k in EXPORT_KINDS.values())
    return Problem(
        table.header_row,
        None,
        ", ".join(h for h in table.header if h),
        "El encabezado no corresponde a ninguna plantilla.",
        f"Use una plantilla oficial (tablero template). Columnas esperadas — {expected}.",
    )


def _file_checks(result: Inspection, settings: Settings, declared: str | None, history) -> None:
    """Checks over the whole file: CSV structure, the delivering entity, breakdowns, jumps."""
    assert result.kind is not None and result.table is not None
    catalog = load_catalog(settings.catalog_dir)
    result.entity, owned = establish_entity(result.kind, result.rows, catalog, declared)
    found = structure_problems(result.table, result.kind) + owned
    result.problems += [mask(result.kind, p) for p in found]
    if result.kind.code != "indicator_values":
        return
    result.problems += breakdown_problems(result.rows) + total_row_problems(result.rows)
    if errors_of(result.problems):
        return
    indicators = sorted({r["indicador"] for r in result.rows})
    past = history(result.entity, indicators) if history and result.entity else {}
    result.problems += jump_warnings(result.rows, past)


def inspect_bytes(
    path: Path,
    data: bytes,
    settings: Settings | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    entity: str | None = None,
    history: History | None = None,
) -> Inspection:
    """Every problem of the file, the typed rows, its kind; nothing is written anywhere.
    `entity`: the entity declared by whoever delivers the file (every row must name it);
    `history`: the entity's earlier values per series, to report jumps (the loader's)."""
    settings = settings or get_settings()
    result = Inspection(path.name)
    try:
        table = read_table(path, data, settings)
    except ReadError as exc:
        result.problems = [file_problem(str(exc), "Corrija el archivo y envíelo de nuevo.")]
        return result
    result.table = table
    result.kind = detect_kind(table.columns)
    if result.kind is None:
        result.problems = [_no_template_problem(table)]
        return result
    result.rows, result.problems = validate_table(
        table,
        result.kind,
        settings=settings,
        today=today,
        progress=progress,
        readings=result.month_readings,
    )
    _file_checks(result, settings, entity, history)
    if carries_identities(table, result.kind):
        result.problems = [mask_problem(p, table, result.kind) for p in result.problems]
    return result


def inspect_file(
    path: Path, settings: Settings | None = None, entity: str | None = None
) -> Inspection:
    return inspect_bytes(path, path.read_bytes(), settings, entity=entity)


def archived_content(
    inspection: Inspection, data: bytes, key: str, max_bytes: int | None = None
) -> tuple[bytes, str]:
    """Bytes to archive and how they were kept: original, seudonimizado (any file with identity
    numbers: warehouse/intake/identity.py) or omitido (files over the size limit, and unreadable
    files that may hold identity numbers)."""
    kind, table = inspection.kind, inspection.table
    if max_bytes is not None and len(data) > max_bytes:
        return b"", "omitido"
    if table is None:
        return (b"", "omitido") if may_hold_identity_numbers(data) else (data, "original")
    if not carries_identities(table, kind):
        return data, "original"
    return pseudonymised_copy(table, kind, key), "seudonimizado"


__all__ = ["Inspection", "archived_content", "inspect_bytes", "inspect_file"]
