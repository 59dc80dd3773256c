"""Row-by-row validation of an export against its contract; collects every problem in Spanish."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from warehouse.contracts import EXPORT_KINDS, ExportKind
from warehouse.intake.parsing import (
    normalize_name,
    parse_bool,
    parse_date,
    parse_month,
    parse_number,
)
from warehouse.intake.reader import Table


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    value: str | None
    problem: str
    fix: str
    severity: str = "error"  # "error" rejects the file; "aviso" is reported only

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = f"fila {self.row}" if self.row else "archivo"
        col = f", columna «{self.column}»" if self.column else ""
        val = f", valor «{self.value}»" if self.value not in (None, "") else ""
        return f"{where}{col}{val}: {self.problem} {self.fix}".strip()


class ValidationFailed(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(
            f"Archivo rechazado: {len(errors)} problema(s). Primero: {errors[0]}"
            if errors
            else "Archivo rechazado."
        )


def detect_kind(header: list[str]) -> ExportKind | None:
    """The export kind whose required columns all appear in the header."""
    names = {normalize_name(h) for h in header}
    for kind in EXPORT_KINDS.values():
        if all(c.name in names for c in kind.columns if c.required):
            return kind
    return None


def _parse_cell(column: str, sql_type: str, text: str) -> Any:
    if sql_type == "date":
        return parse_month(text) if column == "mes" else parse_date(text)
    if sql_type == "numeric":
        value = parse_number(text)
        if value < 0:
            raise ValueError(text)
        return value
    if sql_type == "boolean":
        return parse_bool(text)
    return text.strip()


_TYPE_HELP = {
    "date": ("no es una fecha o mes reconocible.", "Use AAAA-MM (p. ej. 2024-05) o DD/MM/AAAA."),
    "numeric": (
        "no es un número no negativo.",
        "Escriba solo cifras, p. ej. 1.214 o 1214,5; sin texto ni signos.",
    ),
    "boolean": ("no es un sí/no reconocible.", "Escriba «sí» o «no»."),
}


def validate_table(table: Table, kind: ExportKind) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Typed rows (with `source_row`) and the problems found in the whole file."""
    problems: list[Problem] = []
    positions = {normalize_name(h): i for i, h in enumerate(table.header)}
    for col in kind.columns:
        if col.required and col.name not in positions:
            problems.append(
                Problem(
                    1,
                    col.name,
                    None,
                    f"Falta la columna obligatoria «{col.name}».",
                    "Use la plantilla de la entidad: el encabezado debe tener esa columna.",
                )
            )
    if problems:
        return [], problems

    rows: list[dict[str, Any]] = []
    seen_keys: dict[tuple, int] = {}
    for offset, cells in enumerate(table.rows):
        file_row = offset + 2
        record: dict[str, Any] = {"source_row": file_row}
        for col in kind.columns:
            pos = positions.get(col.name)
            text = cells[pos].strip() if pos is not None and pos < len(cells) else ""
            if not text:
                if col.required:
                    problems.append(
                        Problem(
                            file_row,
                            col.name,
                            "",
                            "Celda vacía en una columna obligatoria.",
                            f"Complete «{col.name}»: {col.description}",
                        )
                    )
                record[col.name] = None
                continue
            try:
                record[col.name] = _parse_cell(col.name, col.sql_type, text)
            except ValueError:
                problem, fix = _TYPE_HELP[col.sql_type]
                problems.append(Problem(file_row, col.name, text, f"El valor {problem}", fix))
                record[col.name] = None
        key = tuple(
            normalize_name(str(record.get(k) or ""))
            if isinstance(record.get(k), str)
            else record.get(k)
            for k in kind.key
        )
        if key in seen_keys:
            problems.append(
                Problem(
                    file_row,
                    ", ".join(kind.key),
                    None,
                    f"Fila duplicada: repite la fila {seen_keys[key]}.",
                    "Deje una sola fila por combinación; si son correcciones, sume o corrija.",
                )
            )
        else:
            seen_keys[key] = file_row
        rows.append(record)
    if not rows:
        problems.append(
            Problem(
                None,
                None,
                None,
                "El archivo no tiene filas de datos.",
                "Agregue al menos una fila bajo el encabezado.",
            )
        )
    return rows, problems
