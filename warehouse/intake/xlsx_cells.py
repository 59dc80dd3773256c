"""What calamine does not say about an XLSX sheet, found in its XML by byte search: Excel error
cells (#DIV/0!, #N/A…) and formulas saved without a computed value — both would arrive as empty
cells, and an empty locality means Distrito — plus the rows and columns hidden in Excel."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.etree.ElementTree import iterparse
from xml.sax.saxutils import unescape

from warehouse.intake.problems import WARNING, Problem

if TYPE_CHECKING:
    from warehouse.intake.header import Table

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # workbook.xml's
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


CELL_OPEN = re.compile(rb"<c\b([^>]*?)(/?)>")
ATTRIBUTE = re.compile(rb'\b(r|t)="([^"]*)"')
VALUE = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")
FORMULA_TEXT = re.compile(rb"<f\b[^>]*?(?:/>|>([^<]*)</f>)")
ROW_TAG = re.compile(rb"<row\b([^>]*)>")
COL_TAG = re.compile(rb"<col\b([^>]*)/?>")


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return dict(ATTRIBUTE.findall(text))


def _cells_around(xml: bytes, marker: bytes):
    """(attributes, body) of each cell containing `marker`: found by searching the bytes, so a
    sheet without error cells or formulas costs one search (a 60.000-row sheet, milliseconds)."""
    seen = set()
    position = xml.find(marker)
    while position != -1:
        start = xml.rfind(b"<c ", 0, position)
        if start != -1 and start not in seen:
            seen.add(start)
            opening = CELL_OPEN.match(xml, start)
            end = xml.find(b"</c>", position)
            if opening and not opening.group(2) and end != -1:
                yield _attributes(opening.group(1)), xml[opening.end() : end]
        position = xml.find(marker, position + len(marker))


def _where(attributes: dict[bytes, bytes]) -> tuple[int, int] | None:
    match = CELL_REF.fullmatch(attributes.get(b"r", b"").decode("ascii", "replace"))
    return (int(match.group(2)) - 1, _column_index(match.group(1))) if match else None


def _scan(xml: bytes, notes: CellNotes) -> None:
    for attributes, body in _cells_around(xml, b't="e"'):
        value, where = VALUE.search(body), _where(attributes)
        if attributes.get(b"t") == b"e" and value and where:
            notes.errors[where] = unescape(value.group(1).decode("utf-8", "replace"))
    for attributes, body in _cells_around(xml, b"<f"):
        formula, where = FORMULA_TEXT.search(body), _where(attributes)
        value = VALUE.search(body)
        cached = value and value.group(1)
        if formula and where and not cached and attributes.get(b"t") not in (b"str", b"inlineStr"):
            text = (formula.group(1) or b"").decode("utf-8", "replace")
            notes.uncached[where] = "=" + unescape(text)
    if b'hidden="' not in xml:
        return
    for match in ROW_TAG.finditer(xml):
        found = dict(re.findall(rb'\b(r|hidden)="([^"]*)"', match.group(1)))
        if found.get(b"hidden") in (b"1", b"true") and found.get(b"r", b"").isdigit():
            notes.hidden_rows.add(int(found[b"r"]) - 1)
    for match in COL_TAG.finditer(xml[: xml.find(b"<sheetData")]):
        found = dict(re.findall(rb'\b(min|max|hidden)="([^"]*)"', match.group(1)))
        if found.get(b"hidden") in (b"1", b"true"):
            first, last = int(found.get(b"min", b"1")), int(found.get(b"max", b"1"))
            notes.hidden_columns.update(range(first - 1, min(last, 16384)))


def cell_notes(data: bytes, sheet_name: str) -> CellNotes:
    """Error cells, formulas without a value and hidden rows/columns of one sheet (best effort:
    a part that cannot be found yields no notes; calamine already read the values)."""
    notes = CellNotes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None or part not in archive.namelist():
                return notes
            _scan(archive.read(part), notes)
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError):
        return notes
    return notes


CELL_WITH_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')


def sheet_extent(data: bytes, sheet_name: str) -> tuple[int, int, str] | None:
    """(rows, columns, last cell) of the area holding cells, read from the XML before calamine
    builds it: a stray value in ZZ300000 would make it fill 210 million cells."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None or part not in archive.namelist():
                return None
            xml = archive.read(part)
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError):
        return None
    last_row, last_column, where = 0, 0, "A1"
    for match in CELL_WITH_REF.finditer(xml):
        row, column = int(match.group(2)), _column_index(match.group(1).decode()) + 1
        if row > last_row or column > last_column:
            last_row, last_column = max(row, last_row), max(column, last_column)
            where = f"{match.group(1).decode()}{row}"
    return last_row, last_column, where


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
