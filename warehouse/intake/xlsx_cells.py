"""What calamine does not say about an XLSX sheet, read from its XML: Excel error cells
(#DIV/0!, #N/A…) and formulas saved without a computed value — both would arrive as empty cells,
and an empty locality means Distrito — plus the rows and columns hidden in Excel."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.etree.ElementTree import iterparse

from warehouse.intake.problems import WARNING, Problem

if TYPE_CHECKING:
    from warehouse.intake.header import Table

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CELL_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class CellNotes:
    """0-based (row, column) → text; hidden rows and columns as 0-based indexes."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # → "#DIV/0!"
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)  # → "=B9*2"
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The worksheet XML of the sheet called `sheet_name` (workbook.xml → its relationship)."""
    target_of = {}
    with archive.open("xl/_rels/workbook.xml.rels") as rels:
        for _, element in iterparse(rels):
            if element.tag == f"{PKG_REL}Relationship":
                target_of[element.get("Id")] = element.get("Target", "")
    with archive.open("xl/workbook.xml") as workbook:
        for _, element in iterparse(workbook):
            if element.tag == f"{MAIN}sheet" and element.get("name") == sheet_name:
                target = target_of.get(element.get(f"{REL}id") or "", "")
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join("xl", target))
    return None


def _cell(element, notes: CellNotes, row: int, column: int) -> None:
    kind = element.get("t")
    value = element.find(f"{MAIN}v")
    formula = element.find(f"{MAIN}f")
    cached = value is not None and (value.text or "") != ""
    if kind == "e" and value is not None:
        notes.errors[(row, column)] = value.text or "#¿?"
    elif formula is not None and not cached and kind not in ("str", "inlineStr"):
        notes.uncached[(row, column)] = "=" + (formula.text or "")


def _column_ranges(element, notes: CellNotes) -> None:
    if element.get("hidden") in ("1", "true"):
        first, last = int(element.get("min", "1")), int(element.get("max", "1"))
        notes.hidden_columns.update(range(first - 1, min(last, 16384)))


def cell_notes(data: bytes, sheet_name: str) -> CellNotes:
    """Error cells, formulas without a value and hidden rows/columns of one sheet (best effort:
    a part that cannot be found or parsed yields no notes; calamine already read the values)."""
    notes = CellNotes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None or part not in archive.namelist():
                return notes
            with archive.open(part) as sheet:
                if b"<!DOCTYPE" in sheet.read(4096):
                    return notes  # worksheets never carry a DTD; do not expand one
            with archive.open(part) as sheet:
                _scan(sheet, notes)
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError):
        return notes
    return notes


def _scan(sheet, notes: CellNotes) -> None:
    """One pass; a row or cell without its `r` reference follows the previous one."""
    row, column = -1, -1
    for event, element in iterparse(sheet, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{MAIN}row":
                row, column = int(element.get("r") or row + 2) - 1, -1
            elif tag == f"{MAIN}c":
                match = CELL_REF.fullmatch(element.get("r") or "")
                column = _column_index(match.group(1)) if match else column + 1
            continue
        if tag == f"{MAIN}c":
            _cell(element, notes, row, column)
            element.clear()
        elif tag == f"{MAIN}row":
            if element.get("hidden") in ("1", "true"):
                notes.hidden_rows.add(row)
            element.clear()
        elif tag == f"{MAIN}col":
            _column_ranges(element, notes)


def _spans(numbers: list[int]) -> str:
    """[3, 4, 5, 9] → '3 a 5, 9'."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"{a} a {b}" if a != b else str(a) for a, b in spans)


def hidden_problems(table: Table, notes: CellNotes | None) -> list[Problem]:
    """Warnings for data rows and template columns hidden in Excel: they are read like any
    other (as Excel's own «Guardar como CSV» does), and the entity should know it."""
    if notes is None:
        return []
    problems = []
    rows = [row for row, _ in table.records if row - 1 in notes.hidden_rows]
    if rows:
        problems.append(
            Problem(
                rows[0],
                None,
                None,
                (
                    f"La fila {rows[0]} está oculta en Excel (o filtrada) y se leyó"
                    if len(rows) == 1
                    else f"Las filas {_spans(rows)} están ocultas en Excel (o filtradas) y se "
                    "leyeron"
                )
                + " como las demás.",
                "Si no deben entregarse, bórrelas (no basta con ocultarlas o filtrarlas).",
                WARNING,
            )
        )
    for position, column in enumerate(table.columns):
        if column and position in notes.hidden_columns:
            problems.append(
                Problem(
                    table.header_row,
                    column,
                    None,
                    f"La columna «{column}» está oculta en Excel y se leyó como las demás.",
                    "Revise sus valores (para verla: clic derecho en el encabezado > Mostrar).",
                    WARNING,
                )
            )
    return problems
