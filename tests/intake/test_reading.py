"""Reading what entities really send: encodings, separators, header spellings, title rows,
Excel dates and numbers, formulas as values, fuzzy localities — and every problem collected."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from warehouse.intake.inspection import inspect_bytes

ROWS = [
    ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Usaquén", "2024-01", "1.214"],
    ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Ciudad Bolívar", "2024-01", "12.345,0"],
]
HEADER = ["entidad", "indicador", "localidad", "mes", "valor"]


def _csv(header, rows, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    lines = [delimiter.join(f'"{c}"' if delimiter in c else c for c in r) for r in [header, *rows]]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _xlsx(rows: list[list[object]], title_rows: int = 0) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["Secretaría Distrital de Gobierno — reporte mensual"])
    for row in rows:
        sheet.append(row)
    if title_rows:
        sheet.merge_cells("A1:E1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _values(inspection) -> list[tuple]:
    return [(r["localidad_codigo"], r["mes"], r["valor"]) for r in inspection.rows]


EXPECTED = [("01", date(2024, 1, 1), Decimal("1214")), ("19", date(2024, 1, 1), Decimal("12345"))]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("utf-8", ";", False), ("utf-8", ",", True), ("cp1252", ";", False), ("latin-1", ",", False)],
)
def test_csv_encodings_and_separators_read_the_same(encoding, delimiter, bom):
    data = _csv(HEADER, ROWS, delimiter, encoding, bom)
    result = inspect_bytes(Path("sdg.csv"), data)
    assert result.ok, [str(p) for p in result.problems]
    assert _values(result) == EXPECTED
    assert result.rows[0]["localidad"] == "Usaquén"


def test_header_matched_case_accent_space_insensitively_and_synonyms():
    header = ["ENTIDAD", "Código Indicador", "Localidad ", "Mes ", "Valor"]
    result = inspect_bytes(Path("sdg.csv"), _csv(header, ROWS))
    assert result.ok, [str(p) for p in result.problems]
    assert result.kind.code == "indicator_values" and _values(result) == EXPECTED


def test_title_rows_and_merged_cells_above_the_header_in_xlsx():
    data = _xlsx(
        [HEADER, ROWS[0], ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Suba", "2024-01", -2]], 2
    )
    result = inspect_bytes(Path("sdg.xlsx"), data)
    assert result.table.header_row == 3
    [error] = result.errors
    assert (error.row, error.column, error.value) == (5, "valor", "-2")


def test_excel_dates_serials_and_numbers():
    rows = [
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Suba", date(2024, 5, 17), 1214.0000000000002],
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Bosa", 45413, 1214],
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Usme", "may-2024", "1.214"],
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Kennedy", "05/2024", "1.214,0"],
    ]
    result = inspect_bytes(Path("sdg.xlsx"), _xlsx([HEADER, *rows]))
    assert result.ok, [str(p) for p in result.problems]
    assert {r["mes"] for r in result.rows} == {date(2024, 5, 1)}
    # A typed Excel number is read as Excel shows it (15 significant digits: a formula's
    # binary noise is gone); the text "1.214" is Colombian for 1214.
    assert [r["valor"] for r in result.rows] == [Decimal("1214")] * 4


def test_a_typed_excel_decimal_in_a_count_is_refused():
    rows = [["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Suba", "2024-05", 1.214]]
    [error] = inspect_bytes(Path("sdg.xlsx"), _xlsx([HEADER, *rows])).errors
    assert (error.row, error.column, error.value) == (2, "valor", "1,214")
    assert "número entero" in error.problem


def test_formulas_are_read_as_their_cached_values_not_executed():
    data = _xlsx([HEADER, ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Suba", "2024-01", "=2*5"]])
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"<f>2\*5</f>(<v\s*/>|<v></v>)?", b"<f>2*5</f><v>10</v>", content)
            target.writestr(item, content)
    result = inspect_bytes(Path("sdg.xlsx"), buffer.getvalue())
    assert result.ok, [str(p) for p in result.problems]
    assert result.rows[0]["valor"] == Decimal("10")


def test_fuzzy_locality_is_a_warning_naming_what_it_was_mapped_to():
    rows = [["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Engatva", "2024-01", "3"]]
    result = inspect_bytes(Path("sdg.csv"), _csv(HEADER, rows))
    assert result.ok
    [warning] = result.warnings
    assert (warning.row, warning.column, warning.value) == (2, "localidad", "Engatva")
    assert "Engativá" in warning.problem and "(10)" in warning.problem
    assert result.rows[0]["localidad_codigo"] == "10"


def test_every_problem_of_the_file_is_collected_not_only_the_first():
    rows = [
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Suba", "2024-13", "3"],
        ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Soacha", "2024-01", "tres"],
        ["SDG", "UTA1_SISBEN", "Bosa", "2024-01", "4"],
    ]
    result = inspect_bytes(Path("sdg.csv"), _csv(HEADER, rows))
    found = {(p.row, p.column) for p in result.errors}
    assert found == {(2, "mes"), (3, "localidad"), (3, "valor"), (4, "indicador")}
    assert all(p.problem and p.fix for p in result.errors)


def test_unknown_extra_column_is_ignored_with_a_warning():
    result = inspect_bytes(Path("sdg.csv"), _csv([*HEADER, "observaciones"], [[*ROWS[0], "ok"]]))
    assert result.ok
    assert [w.column for w in result.warnings] == ["observaciones"]
