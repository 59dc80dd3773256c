"""Write export files reproducibly: CSV in a chosen dialect, XLSX with fixed metadata and times."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from seeds.generator.formats import Style

Cell = object  # text, int or datetime
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_STAMP = "2024-01-01T00:00:00Z"


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], style: Style
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator=style.line_end)
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in rows])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode(style.encoding))


def _deterministic_zip(data: bytes) -> bytes:
    """Re-pack an .xlsx with fixed entry times and document timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<3>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()


def write_xlsx(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str = "Datos"
) -> None:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(list(header))
    for row in rows:
        worksheet.append([None if c == "" else c for c in row])
    for column in worksheet.iter_cols(min_row=2):
        for cell in column:
            if hasattr(cell.value, "year"):
                cell.number_format = "yyyy-mm-dd"
    workbook.properties.creator = "Tablero Migrante (datos de demostración)"
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_deterministic_zip(buffer.getvalue()))


def write_export(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], style: Style
) -> Path:
    """Write one export in the entity's style; returns the path with the right extension."""
    path = path.with_suffix(f".{style.fmt}")
    if style.fmt == "xlsx":
        write_xlsx(path, header, rows)
    else:
        write_csv(path, header, rows, style)
    return path
