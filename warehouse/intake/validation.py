"""Validate a table against its export contract; collects every problem of the file, in Spanish."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from warehouse.contracts import EXPORT_KINDS, ExportKind
from warehouse.intake.catalog import Catalog, load_catalog
from warehouse.intake.cells import cell_problem, clean
from warehouse.intake.header import Table
from warehouse.intake.parsing import (
    AmbiguousMonth,
    month_reading,
    normalize_name,
    parse_bool,
    parse_date,
    parse_month,
    parse_number,
)
from warehouse.intake.problems import WARNING, Problem, errors_of
from warehouse.intake.pseudonym import looks_like_identity
from warehouse.intake.rules import RowContext, check_row
from warehouse.settings import Settings, get_settings

__all__ = ["Problem", "detect_kind", "mask", "validate_table"]

MASK = "(oculto)"


def detect_kind(columns: list[str | None]) -> ExportKind | None:
    """The kind whose required columns all appear (most matching columns wins); else the kind
    with most required columns present (at least two), so missing columns can be named."""
    present = {c for c in columns if c}
    complete = [
        k for k in EXPORT_KINDS.values() if all(c.name in present for c in k.columns if c.required)
    ]
    if complete:
        return max(complete, key=lambda k: len(present & set(k.column_names)))
    scored = [
        (sum(c.name in present for c in k.columns if c.required), k) for k in EXPORT_KINDS.values()
    ]
    score, kind = max(scored, key=lambda pair: pair[0])
    return kind if score >= 2 else None


def _parse_cell(column: str, sql_type: str, text: str) -> Any:
    if sql_type == "date":
        return parse_month(text) if column == "mes" else parse_date(text)
    if sql_type == "numeric":
        return parse_number(text)
    if sql_type == "boolean":
        return parse_bool(text)
    return re.sub(r"\s+", " ", text.strip())


_TYPE_HELP = {
    "month": (
        "no es un mes reconocible.",
        "Use AAAA-MM (p. ej. 2024-05), may-2024, 05/2024 o una fecha de Excel.",
    ),
    "date": (
        "no es una fecha válida.",
        "Use DD/MM/AAAA (p. ej. 14/03/2024), AAAA-MM-DD o una fecha de Excel.",
    ),
    "numeric": (
        "no es un número.",
        "Escriba solo cifras, p. ej. 1.214 (o 12,5 donde la unidad admite decimales); sin texto, "
        "unidades ni signos.",
    ),
    "boolean": ("no es un sí/no reconocible.", "Escriba «sí» o «no»."),
}


def _number_hint(text: str) -> str:
    """What a number cell holds instead, when it is recognisable."""
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return " Es una fecha: la celda tiene formato de fecha en Excel (Inicio > Número)."
    if "%" in text:
        return " Trae el signo %: escriba solo la cifra."
    if re.search(r"\$|cop|pesos", text.lower()):
        return " Trae el signo o el nombre de una moneda: escriba solo la cifra."
    if re.fullmatch(r"\(\s*[\d.,]+\s*\)", text):
        return " Entre paréntesis es un negativo en contabilidad."
    return ""


def _header_problems(table: Table, kind: ExportKind) -> list[Problem]:
    row = table.header_row
    problems = [
        Problem(
            row,
            col.name,
            None,
            f"Falta la columna obligatoria «{col.name}».",
            f"Agregue la columna «{col.name}» ({col.description}) o use la plantilla.",
        )
        for col in kind.columns
        if col.required and table.position(col.name) is None
    ]
    problems += [
        Problem(
            row,
            name,
            None,
            f"La columna «{name}» aparece más de una vez en el encabezado.",
            "Deje una sola columna con ese nombre.",
        )
        for name in table.duplicated_columns
    ]
    allowed = set(kind.column_names)
    problems += [
        Problem(
            row,
            name,
            None,
            f"La columna «{name}» no pertenece a la plantilla «{kind.label}».",
            "Quítela o use la plantilla correcta.",
        )
        for name in sorted({c for c in table.columns if c} - allowed)
    ]
    problems += [
        Problem(
            row,
            header,
            None,
            "Columna no reconocida: se ignora.",
            f"Columnas de la plantilla: {', '.join(kind.column_names)}.",
            WARNING,
        )
        for _, header in table.unknown_headers
    ]
    return problems


def mask(kind: ExportKind, problem: Problem) -> Problem:
    """Never echo an identity number: secret columns and long digit runs are hidden."""
    if not kind.secret or problem.value in (None, ""):
        return problem
    if problem.column in kind.secret or looks_like_identity(problem.value):
        return Problem(
            problem.row, problem.column, MASK, problem.problem, problem.fix, problem.severity
        )
    return problem


def _key_column(column: str, record: dict[str, Any]) -> str:
    """Duplicates compare the resolved locality: «Kenedy» and «Kennedy» are the same place."""
    return "localidad_codigo" if column == "localidad" and "localidad_codigo" in record else column


def _typed_record(
    file_row: int,
    cells: list[str],
    kind: ExportKind,
    positions: dict[str, int | None],
    context: RowContext,
    readings: dict[str, str],
) -> tuple[dict[str, Any], list[Problem]]:
    """One data row parsed column by column: empty required cells and unparsable values.
    Months written other than AAAA-MM are noted in `readings` (text → how it was read)."""
    record: dict[str, Any] = {"source_row": file_row}
    problems: list[Problem] = []
    context.raw = {}
    for col in kind.columns:
        pos = positions[col.name]
        text = clean(cells[pos]) if pos is not None and pos < len(cells) else ""
        context.raw[col.name] = text
        record[col.name] = None
        if text and (unusable := cell_problem(file_row, col.name, text)):
            problems.append(unusable)
            continue
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
            continue
        try:
            record[col.name] = _parse_cell(col.name, col.sql_type, text)
        except AmbiguousMonth as exc:
            fix = "Escriba el mes como AAAA-MM (p. ej. 2025-05) o con el año completo (may-2025)."
            problems.append(Problem(file_row, col.name, text, f"Mes ambiguo: {exc}", fix))
        except ValueError:
            problem, fix = _TYPE_HELP["month" if col.name == "mes" else col.sql_type]
            if col.sql_type == "numeric":
                problem += _number_hint(text)
            problems.append(Problem(file_row, col.name, text, f"El valor {problem}", fix))
        else:
            if col.name == "mes" and (reading := month_reading(text, record[col.name])):
                readings.setdefault(text, reading)
    return record, problems


def _shown(value: Any) -> str:
    if value is None:
        return "vacío"
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def _duplicate(
    record: dict[str, Any], file_row: int, kind: ExportKind, seen: dict[tuple, dict[str, Any]]
) -> Problem | None:
    """The row repeats the key of an earlier row (names compared folded); records the key.
    The message shows the values on which the two rows disagree (or says they are equal)."""
    key = tuple(
        normalize_name(v) if isinstance(v, str) else v
        for v in (record.get(_key_column(k, record)) for k in kind.key)
    )
    first = seen.setdefault(key, record)
    if first is record:
        return None
    others = [c.name for c in kind.columns if c.name not in kind.key and c.name not in kind.secret]
    differ = [c for c in others if first.get(c) != record.get(c)]
    if differ:
        both = "; ".join(
            f"«{c}» {_shown(first.get(c))} en la fila {first['source_row']} y "
            f"{_shown(record.get(c))} en esta"
            for c in differ
        )
        detail = f", con valores distintos: {both}"
    else:
        detail = " y tiene los mismos valores (fila repetida)"
    return Problem(
        file_row,
        ", ".join(kind.key),
        None,
        f"Fila duplicada: repite la combinación de la fila {first['source_row']}{detail}.",
        "Deje una sola fila por combinación; si son correcciones, sume o corrija.",
    )


def validate_table(
    table: Table,
    kind: ExportKind,
    catalog: Catalog | None = None,
    settings: Settings | None = None,
    today: date | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    readings: dict[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Typed rows (with `source_row` and derived columns) and every problem of the file;
    `readings` collects how months not written AAAA-MM were read."""
    settings = settings or get_settings()
    catalog = catalog or load_catalog(settings.catalog_dir)
    problems = _header_problems(table, kind)
    if errors_of(problems):
        return [], [mask(kind, p) for p in [*problems, *table.problems]]
    problems += table.problems
    context = RowContext(kind, catalog, settings, today or date.today())
    positions = {col.name: table.position(col.name) for col in kind.columns}
    rows: list[dict[str, Any]] = []
    seen_keys: dict[tuple, dict[str, Any]] = {}
    readings = {} if readings is None else readings
    total = len(table.records)
    for done, (file_row, cells) in enumerate(table.records, start=1):
        if progress and done % 1000 == 0:
            progress("Validando", done, total)
        record, row_problems = _typed_record(file_row, cells, kind, positions, context, readings)
        row_problems += check_row(record, file_row, context)
        duplicate = _duplicate(record, file_row, kind, seen_keys)
        # A row with errors is reported for those; calling it a duplicate too would be noise.
        if duplicate and not errors_of(row_problems):
            row_problems.append(duplicate)
        problems += row_problems
        rows.append(record)
    if not rows:
        problems.append(
            Problem(
                None,
                None,
                None,
                "El archivo no tiene filas de datos bajo el encabezado.",
                "Agregue al menos una fila de datos.",
            )
        )
    return rows, [mask(kind, p) for p in problems]
