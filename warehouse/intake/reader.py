"""Read a CSV or XLSX export into a header and rows of strings (values only, nothing executed)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]  # rows[i] is file row i + 2 (row 1 is the header)


class ReadError(ValueError):
    """The file cannot be read as a table at all."""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("No se pudo leer el archivo: codificación de texto desconocida.")


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first_line = text.splitlines()[0] if text else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _cell_to_str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheet = workbook.get_sheet_by_index(0)
    return [[_cell_to_str(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]


def read_table(path: Path, data: bytes) -> Table:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _read_csv(data)
    elif suffix in (".xlsx", ".xlsm"):
        try:
            rows = _read_xlsx(data)
        except Exception as exc:  # calamine raises several error types for corrupt files
            raise ReadError(
                f"El archivo Excel está dañado o no es un .xlsx válido ({exc})."
            ) from exc
    else:
        raise ReadError(f"Formato no admitido «{suffix or path.name}»: envíe .xlsx o .csv.")
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        raise ReadError("El archivo está vacío: no tiene encabezado ni filas.")
    header, body = rows[0], rows[1:]
    return Table(header=[h.strip() for h in header], rows=body)
