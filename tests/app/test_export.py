"""CSV/XLSX exports: formula injection neutralised, Spanish headers, readable by Excel tools."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from dash_app.export import neutralise, to_csv_bytes, to_xlsx_bytes

FRAME = pd.DataFrame(
    {
        "name": ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "Kennedy", None],
        "value": [1, 2, 3, 4, 806728, 6],
    }
)
COLUMNS = {"name": "Nombre", "value": "Valor"}


def test_neutralise_only_dangerous_text():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@cmd") == "'@cmd"
    assert neutralise("Usaquén") == "Usaquén"
    assert neutralise(-5) == -5  # numbers are data, not formulas


def test_csv_is_excel_friendly_and_safe():
    data = to_csv_bytes(FRAME, COLUMNS)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Nombre;Valor"
    cells = [line.split(";")[0] for line in lines[1:]]
    for cell in cells:
        assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), cell
    assert "Kennedy;806728" in text


def test_xlsx_has_the_same_rows_neutralised():
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(FRAME, COLUMNS)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Nombre", "Valor")
    assert len(rows) == len(FRAME) + 1
    assert rows[1][0].startswith("'=")
    assert rows[5] == ("Kennedy", 806728)


def test_export_follows_the_rows_the_grid_shows():
    from dash_app.export import shown_rows

    assert shown_rows(FRAME, None, COLUMNS) is FRAME  # grid not rendered yet: the query's rows
    kept = shown_rows(FRAME, [{"name": "Kennedy", "value": 806728}], COLUMNS)
    assert kept.to_dict("records") == [{"name": "Kennedy", "value": 806728}]
    assert shown_rows(FRAME, [], COLUMNS).empty  # everything filtered out: nothing exported


def test_export_never_takes_values_from_the_browser():
    """virtualRowData only picks and orders the query's rows: forged rows are dropped."""
    from dash_app.export import shown_rows

    rows = [
        {"name": "Kennedy", "value": 806728},
        {"name": "Kennedy", "value": 1},  # a value the query did not produce
        {"name": "=cmd", "value": 5},  # a row the query did not produce
        {"name": "+1", "value": 2.0},  # JavaScript numbers: 2.0 arrives as 2
        {"name": "Kennedy", "value": 806728},  # the query has this row once
    ]
    kept = shown_rows(FRAME, rows, COLUMNS)
    assert kept.to_dict("records") == [
        {"name": "Kennedy", "value": 806728},
        {"name": "+1", "value": 2},
    ]


HEADER = [("Indicador", "Migrantes atendidos (X)"), ("Filtros", "Kennedy · ene–may 2024")]


def test_csv_header_block_says_what_the_file_holds():
    text = to_csv_bytes(FRAME, COLUMNS, HEADER).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[:3] == [
        "# Indicador: Migrantes atendidos (X)",
        "# Filtros: Kennedy · ene–may 2024",
        "",
    ]
    table = pd.read_csv(io.StringIO(text), sep=";", comment="#")
    assert list(table.columns) == ["Nombre", "Valor"]
    assert len(table) == len(FRAME)


def test_xlsx_header_in_its_own_sheet():
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(FRAME, COLUMNS, "datos", HEADER)))
    assert workbook.sheetnames == ["datos", "acerca_de"]
    about = list(workbook["acerca_de"].iter_rows(values_only=True))
    assert about[0] == ("Campo", "Descripción")
    assert about[1:] == HEADER
    assert len(list(workbook["datos"].iter_rows(values_only=True))) == len(FRAME) + 1
