"""CSV structure: each data row has the header's fields, and a field spans several physical
lines only where the kind allows free text with line breaks (else a quote was left open and
swallowed the rows after it)."""

from __future__ import annotations

from warehouse.contracts import ExportKind
from warehouse.intake.header import Table
from warehouse.intake.problems import Problem

SHOWN = 60  # characters of a swallowed field shown in the report


def _short(text: str) -> str:
    flat = text.replace("\r", "").replace("\n", " ⏎ ")
    return flat if len(flat) <= SHOWN else flat[:SHOWN] + "…"


def _width(table: Table) -> int:
    named = [i for i, h in enumerate(table.header) if h.strip()]
    return named[-1] + 1 if named else len(table.header)


def _field_count(table: Table, row: int, cells: list[str], width: int) -> Problem | None:
    extra = [c for c in cells[width:] if c.strip()]
    if len(cells) >= width and not extra:
        return None
    return Problem(
        row,
        None,
        f"{len(cells)} campos",
        f"La fila tiene {len(cells)} campos y el encabezado {width}: los valores quedarían en "
        "columnas equivocadas.",
        f"Revise la fila {row}: un «{table.delimiter}» dentro de un valor debe ir entre comillas, "
        "y cada fila lleva una celda por columna (aunque esté vacía).",
    )


def _looks_like_rows(text: str, delimiter: str, width: int) -> bool:
    lines = [line for line in text.splitlines()[1:] if line.strip()]
    return any(line.count(delimiter) >= max(width - 1, 1) for line in lines)


def _spanning(
    table: Table, kind: ExportKind, row: int, cells: list[str], width: int
) -> list[Problem]:
    assert table.lines is not None
    first, last = table.lines[row]
    problems = []
    multiline = {c.name for c in kind.columns if c.multiline}
    for position, cell in enumerate(cells):
        if "\n" not in cell and "\r" not in cell:
            continue
        column = table.columns[position] if position < len(table.columns) else None
        allowed = column in multiline
        if allowed and not _looks_like_rows(cell, table.delimiter or ";", width):
            continue
        where = f"las líneas {first} a {last} del archivo"
        problems.append(
            Problem(
                row,
                column,
                _short(cell),
                f"El valor ocupa {where}"
                + (
                    " y contiene lo que parecen filas completas"
                    if allowed
                    else f", y «{column or position + 1}» es de una sola línea"
                )
                + ': unas comillas («"») que se abren y no se cierran se tragaron las filas '
                "siguientes.",
                "Cierre las comillas del valor (o quítelas) y vuelva a guardar el CSV.",
            )
        )
    return problems


def structure_problems(table: Table, kind: ExportKind) -> list[Problem]:
    """Field counts and multi-line fields of a CSV table (nothing to check in an XLSX)."""
    if table.lines is None:
        return []
    width = _width(table)
    problems: list[Problem] = []
    for row, cells in table.records:
        count = _field_count(table, row, cells, width)
        if count is not None:
            problems.append(count)
        problems += _spanning(table, kind, row, cells, width)
    return problems


def physical_lines(table: Table) -> int | None:
    """Physical lines of the data rows read (CSV), to compare with the number of rows."""
    if table.lines is None:
        return None
    return sum(last - first + 1 for first, last in (table.lines[r] for r, _ in table.records))
