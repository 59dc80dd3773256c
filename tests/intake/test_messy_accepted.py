"""Messy but good files (issue 11, second pass): accepted, read right, and every interpretation
named in a warning or in the month readings."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from intake.bad_corpus import HEADER, SDG_IND, XH, _csv, _ok, _rows
from warehouse.intake.inspection import inspect_bytes


def _inspect(name: str, data: bytes):
    result = inspect_bytes(Path(name), data, today=date(2025, 12, 1))
    assert result.ok, [str(p) for p in result.problems]
    return result


def _book(setup) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Hoja1"
    for row in _rows(HEADER, _ok("Suba"), _ok("Bosa"), _ok("Usme")):
        sheet.append(row)
    setup(workbook, sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_hidden_and_filtered_rows_are_read_with_a_warning_naming_them():
    def hide(_, sheet):
        sheet.auto_filter.ref = "A1:E4"
        sheet.row_dimensions[3].hidden = sheet.row_dimensions[4].hidden = True

    result = _inspect("sdg.xlsx", _book(hide))
    assert len(result.rows) == 3
    [warning] = result.warnings
    assert warning.row == 3 and "filas 3 a 4 están ocultas" in warning.problem


def test_a_hidden_template_column_is_read_with_a_warning():
    result = _inspect(
        "sdg.xlsx", _book(lambda _, s: setattr(s.column_dimensions["C"], "hidden", True))
    )
    [warning] = result.warnings
    assert warning.column == "localidad" and "oculta" in warning.problem


def test_a_hidden_datos_sheet_is_not_the_data():
    def hidden_leftover(workbook, _):
        old = workbook.create_sheet("datos")
        old.sheet_state = "hidden"
        for row in _rows(HEADER, _ok("Kennedy", value="99")):
            old.append(row)

    result = _inspect("sdg.xlsx", _book(hidden_leftover))
    assert result.table.sheet_name == "Hoja1"
    assert [r["localidad_codigo"] for r in result.rows] == ["11", "07", "05"]


def test_a_distrito_row_beside_the_localities_that_is_not_their_total_is_accepted():
    data = _csv(HEADER, _ok("Suba", value="5"), _ok("Bosa", value="6"), _ok("", value="3"))()
    assert {r["localidad_codigo"] for r in _inspect("f.csv", data).rows} == {"11", "07", "00"}


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("15/05/2024", date(2024, 5, 1)),  # day first, as in Colombia
        ("01-05-2024", date(2024, 5, 1)),
        ("05/15/2024", date(2024, 5, 1)),  # 15 cannot be a month: month first
        ("01/01/2024", date(2024, 1, 1)),
    ],
)
def test_whole_dates_in_a_month_cell_and_their_reading(written, month):
    result = _inspect("f.csv", _csv(HEADER, _ok(month=written))())
    assert result.rows[0]["mes"] == month
    assert result.month_readings == {written: f"«{written}» → {month:%Y-%m}"}


@pytest.mark.parametrize(
    ("written", "value"),
    [("1\u00a0234", 1234), ("1 234", 1234), ("-0", 0), ("+12", 12), ("1.234.567", 1234567)],
)
def test_count_spellings_that_are_whole_numbers(written, value):
    result = _inspect("f.csv", _csv(HEADER, _ok(value=written))())
    assert result.rows[0]["valor"] == Decimal(value)


def test_excel_float_noise_is_read_as_excel_shows_it():
    workbook = Workbook()
    workbook.active.append(XH)
    workbook.active.append([*_ok().split(";")[:4], 0.1 * 3 * 10])  # 3.0000000000000004
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _inspect("f.xlsx", buffer.getvalue()).rows[0]["valor"] == Decimal(3)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16_sin_bom.csv", f"{HEADER}\r\n{_ok()}\r\n".encode("utf-16-le")),
        ("doble_bom.csv", b"\xef\xbb\xbf" + f"\ufeff{HEADER}\n{_ok()}\n".encode()),
        ("espacio_de_ancho_cero.csv", f"entidad\u200b;{HEADER[8:]}\n{_ok()}\n".encode()),
        ("fin_de_linea_cr.csv", f"{HEADER}\r{_ok()}\r".encode()),
        ("tabuladores.csv", f"{HEADER}\n{_ok()}\n".replace(";", "\t").encode()),
        ("latin1.csv", f"{HEADER}\n{SDG_IND};Usaquén;2024-01;3\n".encode("latin-1")),
    ],
)
def test_encodings_and_invisible_characters(name, data):
    assert len(_inspect(name, data).rows) == 1


def test_a_long_free_text_is_no_malformed_csv():
    text = "Falta de documentos. " * 10_000  # 210.000 characters, over csv's default limit
    data = _csv("entidad;uta;corte;tipo;texto", f"SDG;UTA1;2024-C1;barrera;{text}")()
    assert len(_inspect("barreras.csv", data).rows[0]["texto"]) > 200_000


def test_a_csv_saved_with_an_xlsx_name_and_the_reverse_are_read_with_a_warning():
    text = _csv(HEADER, _ok())()
    as_xlsx = _inspect("sdg.xlsx", text)
    assert len(as_xlsx.rows) == 1 and "es un CSV" in as_xlsx.warnings[0].problem
    workbook = Workbook()
    for row in _rows(HEADER, _ok()):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    as_csv = _inspect("sdg.csv", buffer.getvalue())
    assert len(as_csv.rows) == 1 and "es un libro de Excel" in as_csv.warnings[0].problem


def test_the_entity_written_by_name_is_read_as_its_code_with_a_warning():
    line = "Secretaría Distrital de Gobierno;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-01;5"
    result = _inspect("f.csv", _csv(HEADER, line)())
    assert result.rows[0]["entidad"] == "SDG" and result.entity == "SDG"
    assert "Se interpretó como SDG" in result.warnings[0].problem


def test_sex_and_age_spellings_are_read_as_the_catalogue_with_a_warning():
    sex = HEADER + ";sexo"
    ref = "SDIS;UTA1_SDIS_REFERENCIADOS;Kennedy;2024-01"
    result = _inspect(
        "f.csv", _csv(sex, f"{ref};100;", f"{ref};40;Masculino", f"{ref};60;Mujeres")()
    )
    assert [r["sexo"] for r in result.rows] == [None, "hombre", "mujer"]
    assert [w.row for w in result.warnings] == [3, 4]
    age = HEADER + ";grupo_edad"
    mujer = "SDMUJER;UTA1_MUJER_ATENDIDAS;Suba;2024-01"
    lines = (f"{mujer};60;", f"{mujer};20;18 a 28 años", f"{mujer};40;60 y más")
    result = _inspect("f.csv", _csv(age, *lines)())
    assert [r["grupo_edad"] for r in result.rows] == [None, "18-28", "60 y más"]
    assert "como «18-28»" in result.warnings[0].problem
