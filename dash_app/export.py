"""Table exports: CSV (formula-injection safe, Excel-friendly) and XLSX of exactly what is shown."""

from __future__ import annotations

import io

import pandas as pd

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


def to_csv_bytes(frame: pd.DataFrame, columns: dict[str, str]) -> bytes:
    """UTF-8 with BOM, ';' separator and ',' decimals: what Excel in es-CO opens cleanly."""
    text = for_export(frame, columns).to_csv(index=False, sep=";", decimal=",")
    return ("\ufeff" + text).encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, columns: dict[str, str], sheet: str = "datos") -> bytes:
    buffer = io.BytesIO()
    data = for_export(frame, columns)
    for column in data.columns:  # openpyxl cannot write timezone-aware datetimes
        if isinstance(data[column].dtype, pd.DatetimeTZDtype):
            data[column] = data[column].dt.tz_localize(None)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def shown_rows(
    frame: pd.DataFrame, grid_rows: list[dict] | None, columns: dict[str, str]
) -> pd.DataFrame:
    """The rows the grid shows after its own column filters and sorting (virtualRowData);
    the query's frame when the grid has not reported them yet."""
    if grid_rows is None:
        return frame
    return pd.DataFrame(grid_rows, columns=list(columns))
