"""Table exports: CSV (formula-injection safe, Excel-friendly) and XLSX of exactly what is shown."""

from __future__ import annotations

import io
import json

import pandas as pd
from plotly.io.json import to_json_plotly

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def for_export(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The shown columns, with Spanish headers, text cells neutralised."""
    data = frame[list(columns)].rename(columns=columns).copy()
    for column in data.columns:
        if data[column].dtype == object or pd.api.types.is_string_dtype(data[column]):
            data[column] = data[column].map(neutralise)
    return data


# What a file holds, as (label, text) pairs: indicator, rule, filters, period, data date.
Header = list[tuple[str, str]]
HEADER_SHEET = "acerca_de"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def header_lines(header: Header | None) -> str:
    """The header block of a CSV: one '# Etiqueta: texto' line each, then an empty line
    (pandas reads the table with comment='#'; a spreadsheet shows the lines above it)."""
    if not header:
        return ""
    lines = [f"# {_one_line(label)}: {_one_line(text)}" for label, text in header]
    return "\n".join(lines) + "\n\n"


def to_csv_bytes(
    frame: pd.DataFrame, columns: dict[str, str], header: Header | None = None
) -> bytes:
    """UTF-8 with BOM, ';' separator and ',' decimals: what Excel in es-CO opens cleanly;
    `header`: what the file holds, as comment lines before the table."""
    text = for_export(frame, columns).to_csv(index=False, sep=";", decimal=",")
    return ("\ufeff" + header_lines(header) + text).encode("utf-8")


def to_xlsx_bytes(
    frame: pd.DataFrame,
    columns: dict[str, str],
    sheet: str = "datos",
    header: Header | None = None,
) -> bytes:
    """The table in `sheet`; `header` in a second sheet, 'acerca_de' (Campo, Descripción)."""
    buffer = io.BytesIO()
    data = for_export(frame, columns)
    for column in data.columns:  # openpyxl cannot write timezone-aware datetimes
        if isinstance(data[column].dtype, pd.DatetimeTZDtype):
            data[column] = data[column].dt.tz_localize(None)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, index=False, sheet_name=sheet[:31])
        if header:
            about = pd.DataFrame(header, columns=["Campo", "Descripción"]).map(neutralise)
            about.to_excel(writer, index=False, sheet_name=HEADER_SHEET)
    return buffer.getvalue()


def _row_key(values: list) -> str:
    """A JSON key for a row as the grid holds it (integral floats as ints, like JavaScript)."""
    return json.dumps(
        [int(v) if isinstance(v, float) and v.is_integer() else v for v in values], default=str
    )


def shown_rows(
    frame: pd.DataFrame, grid_rows: list[dict] | None, columns: dict[str, str]
) -> pd.DataFrame:
    """The query's rows that the grid shows, in its order, after its own column filters and
    sorting (virtualRowData); the query's frame when the grid has not reported them yet.
    The browser's rows only pick and order the server's rows: a row the query did not produce
    is dropped, so no value in the file comes from the client."""
    if grid_rows is None:
        return frame
    keys = list(columns)
    data = frame[keys]
    # The rows exactly as the grid received them (grid(): None for missing, Dash's JSON encoder).
    sent = json.loads(to_json_plotly(data.astype(object).where(data.notna(), None).values.tolist()))
    positions: dict[str, list[int]] = {}
    for position, values in enumerate(sent):
        positions.setdefault(_row_key(values), []).append(position)
    chosen = []
    for row in grid_rows if isinstance(grid_rows, list) else []:
        if not isinstance(row, dict):
            continue
        bucket = positions.get(_row_key([row.get(k) for k in keys]))
        if bucket:
            chosen.append(bucket.pop(0))
    return frame.iloc[chosen]
