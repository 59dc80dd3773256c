"""Issue 11, the messy files that are accepted: how they are read and what is said about them
(the refused ones are in the bad-file corpus, bad_corpus.HOLES)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intake.bad_corpus import HEADER, SDG_IND, _csv, _ok, _rows, _xlsx
from warehouse.cli import app
from warehouse.intake.inspection import inspect_bytes
from warehouse.intake.plausibility import jump_warnings

runner = CliRunner()


def _inspect(name: str, data: bytes):
    return inspect_bytes(Path(name), data, today=date(2025, 12, 1))


def test_locality_merged_over_three_rows_is_filled_down_with_a_warning():
    rows = _rows(HEADER, _ok("Kennedy", value="10"), _ok("", value="20"), _ok("", value="30"))
    rows[2][3], rows[3][3] = "2024-02", "2024-03"  # three months of Kennedy
    result = _inspect("sdg.xlsx", _xlsx(rows, merged=("C2:C4",))())
    assert result.ok, [str(p) for p in result.problems]
    assert [r["localidad_codigo"] for r in result.rows] == ["08", "08", "08"]
    [warning] = result.warnings
    assert (warning.row, warning.column, warning.value) == (2, "localidad", "Kennedy")
    assert "C2:C4" in warning.problem and "filas 3 a 4" in warning.problem


def test_month_merged_over_rows_is_filled_down_too():
    rows = _rows(HEADER, _ok("Kennedy"), _ok("Bosa", month=""), _ok("Suba", month=""))
    result = _inspect("sdg.xlsx", _xlsx(rows, merged=("D2:D4",))())
    assert result.ok, [str(p) for p in result.problems]
    assert {r["mes"] for r in result.rows} == {date(2024, 1, 1)}
    assert "D2:D4" in result.warnings[0].problem


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("may-25", date(2025, 5, 1)),
        ("may.-25", date(2025, 5, 1)),
        ("may-2025", date(2025, 5, 1)),
        ("05/2025", date(2025, 5, 1)),
        ("2025/05", date(2025, 5, 1)),
        ("45778", date(2025, 5, 1)),  # Excel serial of 2025-05-01
    ],
)
def test_month_formats_are_accepted_and_their_reading_is_reported(written, month):
    result = _inspect("sdg.csv", _csv(HEADER, _ok(month=written))())
    assert result.ok, [str(p) for p in result.problems]
    assert result.rows[0]["mes"] == month
    assert result.month_readings == {written: f"«{written}» → {month:%Y-%m}"}


def test_check_shows_how_months_were_read_and_never_wraps_the_summary(tmp_path):
    path = tmp_path / ("SDG_indicadores_mayo_2025_" + "con_un_nombre_muy_largo_" * 4 + ".csv")
    path.write_bytes(_csv(HEADER, _ok(month="may-25"), _ok("Bosa", month="may-25"))())
    result = runner.invoke(app, ["check", str(path)], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(path.name) and lines[0].endswith("lista(s) para cargar, de SDG.")
    assert "Meses interpretados: «may-25» → 2025-05." in lines


def test_rejected_check_summary_is_one_line(tmp_path):
    path = tmp_path / ("archivo_con_un_nombre_larguisimo_" * 4 + ".csv")
    path.write_bytes(_csv(HEADER, _ok(value="-1"))())
    result = runner.invoke(app, ["check", str(path)], terminal_width=80)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{path.name}: 1 error(es); el archivo sería rechazado."


@pytest.mark.parametrize(
    ("header", "line", "label"),
    [
        ("entidad;uta;corte;tipo;texto", "SDG;UTA1;2024-C1;problema;x", "Tipo no reconocido."),
        (
            "entidad;actividad;corte;estado;avance",
            "SDG;UTA1-E01;2024-C1;ya;",
            "Estado no reconocido.",
        ),
        (
            "entidad;mes;criterio;calificacion;evidencia",
            "SDG;2024-06;DER-01;alto;acta",
            "Calificación no reconocida.",
        ),
    ],
)
def test_choice_labels_are_not_repeated(header, line, label):
    [error] = _inspect("f.csv", _csv(header, line)()).errors
    assert error.problem == label
    assert "no reconocid" not in error.problem.replace(label[:-1], "", 1)


def test_duplicate_row_message_shows_both_conflicting_values():
    result = _inspect("f.csv", _csv(HEADER, _ok(value="10"), _ok("Bosa"), _ok(value="12"))())
    [error] = result.errors
    assert error.row == 4
    assert "«valor» 10 en la fila 2 y 12 en esta" in error.problem


def test_identical_duplicate_row_says_so():
    [error] = _inspect("f.csv", _csv(HEADER, _ok(), _ok())()).errors
    assert "mismos valores" in error.problem


def test_breakdown_that_adds_up_is_accepted():
    sex = HEADER + ";sexo"
    a = "SDIS;UTA1_SDIS_REFERENCIADOS;Kennedy;2024-01"
    result = _inspect("f.csv", _csv(sex, f"{a};100;", f"{a};40;hombre", f"{a};60;mujer")())
    assert result.ok, [str(p) for p in result.problems]


def test_multiline_free_text_stays_allowed():
    header = "entidad;uta;corte;tipo;texto"
    data = _csv(header, 'SDG;UTA1;2024-C1;barrera;"Falta de documentos.\nY de citas."')()
    result = _inspect("f.csv", data)
    assert result.ok, [str(p) for p in result.problems]
    assert result.physical_lines == 2 and len(result.rows) == 1


def test_jump_against_previous_months_is_a_warning_naming_both_values():
    data = _csv(HEADER, _ok(month="2024-01", value="40"), _ok(month="2024-02", value="5.000"))()
    result = _inspect("f.csv", data)
    assert result.ok
    [warning] = result.warnings
    assert warning.row == 3 and warning.value == "5.000"
    assert "5.000" in warning.problem and "(40)" in warning.problem and "2024-01" in warning.problem


def test_jump_against_the_warehouse_history():
    rows = [
        {
            "source_row": 2,
            "indicador": "UTA1_INTEGRATE_ORIENTACIONES",
            "localidad": "Suba",
            "localidad_codigo": "11",
            "mes": date(2024, 3, 1),
            "valor": Decimal(3),
        }
    ]
    history = {("UTA1_INTEGRATE_ORIENTACIONES", "11", "total", "total"): {date(2024, 2, 1): 900}}
    [warning] = jump_warnings(
        rows, {k: {m: Decimal(v) for m, v in h.items()} for k, h in history.items()}
    )
    assert "es menos de la décima parte del de 2024-02" in warning.problem
    assert "(900)" in warning.problem and "veces" not in warning.problem


def test_declared_entity_must_match_every_row():
    result = inspect_bytes(
        Path("f.csv"), _csv(HEADER, _ok())(), today=date(2025, 12, 1), entity="SDIS"
    )
    [error] = result.errors
    assert (error.row, error.column, error.value) == (2, "entidad", "SDG")
    assert "entidad declarada" in error.problem


def test_attendance_is_delivered_by_the_secretariat():
    data = _csv("fecha_sesion;entidad;asiste", "2024-03-14;SDG;sí", "2024-03-14;SDIS;no")()
    result = _inspect("asistencia.csv", data)
    assert result.ok and result.entity == "SDG"


def test_csv_row_count_is_compared_with_physical_lines(tmp_path):
    lines = [HEADER, *(_ok(loc) for loc in ("Suba", "Bosa", "Usme"))]
    result = _inspect("f.csv", _csv(*lines)())
    assert result.physical_lines == len(result.rows) == 3
    assert f"{SDG_IND};Suba" in lines[1]
