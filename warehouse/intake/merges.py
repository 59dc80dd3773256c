"""Merged cells of an XLSX sheet, decided once (docs/protocolo_entrega.md, «Celdas combinadas»).

- above the header (titles): ignored;
- in the header, over several columns or reaching into the data: refused, naming the range
  (a column without its own name would be dropped silently);
- in the data, down one column of text or dates (the locality written once for three rows):
  filled down, with a warning naming the range and the value repeated;
- in the data, across columns, or down a number column (is 60 each row's value, or the three
  rows' total?): refused, naming the range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warehouse.contracts import EXPORT_KINDS
from warehouse.intake.problems import WARNING, Problem

if TYPE_CHECKING:
    from warehouse.intake.header import Table

Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first col), (last row, last col))

NUMBER_COLUMNS = frozenset(
    c.name for k in EXPORT_KINDS.values() for c in k.columns if c.sql_type == "numeric"
)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def range_name(merge: Merge) -> str:
    (r0, c0), (r1, c1) = merge
    return f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"


def _header_problem(table: Table, merge: Merge) -> Problem:
    (_, c0), _ = merge
    name = range_name(merge)
    return Problem(
        table.header_row,
        table.columns[c0] if c0 < len(table.columns) else None,
        name,
        f"El encabezado tiene celdas combinadas ({name}): cada columna debe tener su propio "
        "nombre en su propia celda; los datos de una columna sin nombre se perderían.",
        "Separe las celdas combinadas (Inicio > Combinar y centrar) y escriba un nombre por "
        "columna, o use la plantilla oficial.",
    )


def _refused(row: int, column: str | None, merge: Merge, why: str) -> Problem:
    name = range_name(merge)
    return Problem(
        row,
        column,
        name,
        f"Celdas combinadas en los datos ({name}): {why}",
        "Separe las celdas combinadas y escriba el valor de cada fila en su propia celda.",
    )


def _data_merge(table: Table, merge: Merge, cells: dict[int, list[str]]) -> Problem | None:
    (r0, c0), (r1, c1) = merge
    column = table.columns[c0] if c0 < len(table.columns) else None
    if c0 != c1:
        return _refused(r0 + 1, column, merge, "una celda no puede abarcar varias columnas.")
    if column is None:
        return None  # a column the template does not have: ignored anyway
    if column in NUMBER_COLUMNS:
        return _refused(
            r0 + 1,
            column,
            merge,
            f"no se sabe si el número es el de cada fila o el total de las {r1 - r0 + 1} filas.",
        )
    top = cells.get(r0 + 1)
    value = top[c0] if top is not None and c0 < len(top) else ""
    filled = [row for row in range(r0 + 2, r1 + 2) if row in cells]
    for row in filled:
        cells[row].extend([""] * (c0 + 1 - len(cells[row])))
        cells[row][c0] = value
    if not filled or not value.strip():
        return None
    return Problem(
        r0 + 1,
        column,
        value,
        f"Celdas combinadas {range_name(merge)}: se repitió «{value}» en las filas "
        f"{filled[0]} a {filled[-1]} de la columna «{column}».",
        "Revise que ese sea el valor de cada fila; si no, separe las celdas y corrija.",
        WARNING,
    )


def apply_merges(table: Table, merges: list[Merge]) -> list[Problem]:
    """Fill down or refuse each merged range below the title area (see the module doc)."""
    header_index = table.header_row - 1
    cells = dict(table.records)
    problems: list[Problem] = []
    for merge in sorted(merges):
        (r0, _), (r1, _) = merge
        if r1 < header_index:
            continue
        if r0 <= header_index:
            problems.append(_header_problem(table, merge))
            continue
        problem = _data_merge(table, merge, cells)
        if problem is not None:
            problems.append(problem)
    return problems
