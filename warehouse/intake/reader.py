"""Read a CSV or XLSX export into numbered rows of strings (values only, nothing executed)."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from warehouse.intake.guards import OLE_MAGIC, GuardError, check_size, check_xlsx_archive
from warehouse.intake.header import Table, find_header
from warehouse.intake.merges import Merge, apply_merges
from warehouse.intake.problems import WARNING, Problem
from warehouse.intake.read_messages import UNSUPPORTED, no_header_message, several_sheets_message
from warehouse.intake.xlsx_cells import CellNotes, cell_notes, hidden_problems, sheet_extent
from warehouse.settings import Settings, get_settings

__all__ = ["ReadError", "Sheet", "Table", "read_rows", "read_sheet", "read_table"]

DATA_SHEET_NAMES = ("datos", "data", "plantilla")


class ReadError(ValueError):
    """The file cannot be read as a table at all (message in Spanish, for the entity)."""


@dataclass
class Sheet:
    """What was read: rows of strings (row i is file row i+1) and where they came from."""

    rows: list[list[str]]
    sheet_name: str | None = None  # XLSX: the sheet read
    sheet_names: list[str] = field(default_factory=list)  # XLSX: every sheet of the book
    merges: list[Merge] = field(default_factory=list)  # XLSX: merged ranges, 0-based
    # CSV: physical lines of each record (first, last; 1-based) and the delimiter.
    lines: list[tuple[int, int]] | None = None
    delimiter: str | None = None
    other_headers: dict[str, int] = field(default_factory=dict)  # XLSX: sheet → header row
    notes: CellNotes | None = None  # XLSX: hidden rows and columns (errors are in the rows)
    note: str | None = None  # the content contradicts the file name (a warning)


def _utf16_without_bom(head: bytes) -> str | None:
    """«Texto Unicode» saved without its BOM: every other byte of ASCII text is NUL."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 8 and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if len(head) >= 8 and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without BOM), UTF-16 (with or without BOM),
    else cp1252. NUL bytes further on are refused cell by cell (warehouse/intake/cells.py)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if (utf16 := _utf16_without_bom(data[:4096])) is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ReadError(
            "El archivo no es texto (contiene bytes binarios): no es un CSV. "
            "Envíe la plantilla .xlsx o un CSV guardado desde Excel."
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    sample = [line for line in text.splitlines()[:15] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(data: bytes) -> Sheet:
    text, _ = decode_text(data)
    # A long free text is no malformed CSV: the file size limit already bounds every field.
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[tuple[int, int]] = []
    try:
        for row in reader:
            first = lines[-1][1] + 1 if lines else 1
            rows.append(row)
            lines.append((first, reader.line_num))
    except csv.Error as exc:
        raise ReadError(f"El CSV está mal formado ({exc}): revise las comillas.") from exc
    return Sheet(rows, lines=lines, delimiter=delimiter)


def cell_to_str(value: object) -> str:
    """A cell as text. Excel numbers use a decimal comma so the Colombian parser reads them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # As Excel shows it: 15 significant digits (1234.0000000000002 is 1234), no exponent
        # unless the number is huge (then the plausibility check names it).
        text = format(value, ".15g")
        if "e" in text and abs(value) < 1e15:
            text = format(Decimal(text), "f")
        return text.replace(".", ",")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _sheet_rows(workbook, name: str) -> list[list[str]]:
    sheet = workbook.get_sheet_by_name(name)
    return [[cell_to_str(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]


def _with_notes(rows: list[list[str]], data: bytes, sheet: str) -> CellNotes:
    """Error cells and formulas without a value come back empty from calamine: write them into
    their cells (#DIV/0!, =B9*2) so the checks refuse them instead of reading an empty cell."""
    notes = cell_notes(data, sheet)
    for (row, column), text in {**notes.uncached, **notes.errors}.items():
        if row < len(rows):
            cells = rows[row]
            cells.extend([""] * (column + 1 - len(cells)))
            if not cells[column].strip():
                cells[column] = text
        else:
            rows.extend([[] for _ in range(row - len(rows))])
            rows.append([""] * column + [text])
    return notes


def _choose(workbook) -> tuple[list[str], str]:
    """Every sheet name, and the one to read: the visible «datos» (or «data», «plantilla»),
    else the first visible sheet (a hidden sheet is a list or a leftover, never the data)."""
    from python_calamine import SheetVisibleEnum

    names = list(workbook.sheet_names)
    visible = [m.name for m in workbook.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    candidates = visible or names
    chosen = next((n for n in candidates if n.strip().lower() in DATA_SHEET_NAMES), candidates[0])
    return names, chosen


MAX_CELLS = 6_000_000  # the area calamine builds: 200.000 rows of 30 columns


def _too_big(data: bytes, name: str, max_rows: int) -> str | None:
    """Why the sheet is not built at all (its used area is absurd), naming its last cell."""
    extent = sheet_extent(data, name)
    if extent is None:
        return None
    rows, columns, last = extent
    if rows <= max_rows + 100 and rows * columns <= MAX_CELLS:
        return None
    return (
        f"La hoja «{name}» tiene contenido hasta la celda {last} ({rows} filas por {columns} "
        "columnas), mucho más allá de los datos: algo quedó escrito lejos. En Excel, Ctrl+Fin "
        "lleva a esa celda; borre las filas y columnas sobrantes y guarde de nuevo."
    )


def _read_xlsx(data: bytes, max_rows: int) -> Sheet:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    names, chosen = _choose(workbook)
    if why := _too_big(data, chosen, max_rows):
        raise ReadError(why)
    rows = _sheet_rows(workbook, chosen)
    merges = list(workbook.get_sheet_by_name(chosen).merged_cell_ranges or [])
    result = Sheet(rows, chosen, names, merges, notes=_with_notes(rows, data, chosen))
    found = find_header(rows) is not None
    for meta in workbook.sheets_metadata:
        if meta.name == chosen or (found and meta.visible != SheetVisibleEnum.Visible):
            continue  # the template's hidden «listas» sheet has a header and rows too
        if _too_big(data, meta.name, max_rows):
            continue  # not read: not built either
        other = find_header(_sheet_rows(workbook, meta.name))
        if other is not None and (not found or other.records):
            result.other_headers[meta.name] = other.header_row
    return result


def _is_workbook(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _format(suffix: str, data: bytes) -> tuple[str, str | None]:
    """How to read the file ("csv", "xlsx" or the suffix) and, when its content contradicts
    its name, the warning to give: Excel's «Guardar como» keeps a name the user typed."""
    text_like = not data.startswith((b"PK", OLE_MAGIC)) and data.lstrip()[:1] != b"<"
    if suffix in (".xlsx", ".xlsm") and text_like:
        try:
            decode_text(data[:65536])
        except ReadError:
            return suffix, None
        return "csv", f"El archivo se llama {suffix} pero es un CSV (texto): se leyó como CSV."
    if suffix in (".csv", ".txt") and _is_workbook(data):
        return "xlsx", f"El archivo se llama {suffix} pero es un libro de Excel: se leyó como tal."
    return {".txt": "csv", ".csv": "csv", ".xlsm": "xlsx", ".xlsx": "xlsx"}.get(
        suffix, suffix
    ), None


def read_sheet(path: Path, data: bytes, settings: Settings | None = None) -> Sheet:
    """All rows of the «datos» (or first) sheet / the CSV, as strings, with their provenance."""
    settings = settings or get_settings()
    suffix = path.suffix.lower()
    try:
        check_size(data, settings)
        how, note = _format(suffix, data)
        if how == "csv":
            sheet = _read_csv(data)
            sheet.note = note
            return sheet
        if how == "xlsx":
            check_xlsx_archive(data, settings)
            try:
                sheet = _read_xlsx(data, settings.max_rows)
            except ReadError:
                raise
            except Exception as exc:  # calamine raises several error types for corrupt files
                raise ReadError(
                    "El archivo Excel está dañado o no es un .xlsx válido. Ábralo en Excel y "
                    "guárdelo de nuevo como «Libro de Excel (.xlsx)»."
                ) from exc
            sheet.note = note
            return sheet
    except GuardError as exc:
        raise ReadError(str(exc)) from exc
    default = f"Formato no admitido «{suffix or path.name}»: envíe .xlsx o .csv"
    raise ReadError(UNSUPPORTED.get(suffix, default) + ".")


def read_rows(path: Path, data: bytes, settings: Settings | None = None) -> list[list[str]]:
    """All rows of the first (or «datos») sheet / the CSV, as strings; row i is file row i+1."""
    return read_sheet(path, data, settings).rows


def read_table(path: Path, data: bytes, settings: Settings | None = None) -> Table:
    """Read the file, find its header row, resolve merged cells and check the row limit."""
    settings = settings or get_settings()
    sheet = read_sheet(path, data, settings)
    rows = sheet.rows
    if not any(any(c.strip() for c in r) for r in rows):
        if len(sheet.sheet_names) > 1:
            raise ReadError(no_header_message(sheet))
        raise ReadError("El archivo está vacío: no tiene encabezado ni filas.")
    table = find_header(rows)
    if table is None:
        raise ReadError(no_header_message(sheet))
    if sheet.other_headers:
        raise ReadError(several_sheets_message(sheet))
    table.sheet_name = sheet.sheet_name
    table.problems = apply_merges(table, sheet.merges) + hidden_problems(table, sheet.notes)
    if sheet.note:
        fix = "Nada que hacer; la próxima vez, guárdelo con la extensión que corresponde."
        table.problems.append(Problem(None, None, None, sheet.note, fix, WARNING))
    if sheet.lines is not None:
        table.lines = {index + 1: span for index, span in enumerate(sheet.lines)}
        table.delimiter = sheet.delimiter
    if len(table.records) > settings.max_rows:
        raise ReadError(
            f"El archivo tiene {len(table.records)} filas de datos y el máximo por archivo es "
            f"{settings.max_rows}. Divídalo en varios archivos."
        )
    return table
