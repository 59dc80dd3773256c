"""Templates (drop-downs of the entity's own codes, number checks, Spanish instructions) and the
`check` command with its CSV/XLSX report — none of this touches the warehouse."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.contracts import EXPORT_KINDS
from warehouse.intake.catalog import load_catalog
from warehouse.intake.inspection import inspect_file

runner = CliRunner()


def _validations(sheet) -> dict[str, object]:
    """First data-validation rule per template column name."""
    header = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            letter = cell_range.coord.split(":")[0].rstrip("0123456789")
            found[header[letter]] = validation
    return found


@pytest.mark.parametrize("kind", list(EXPORT_KINDS))
def test_template_per_kind_has_header_instructions_and_lists(kind, tmp_path: Path):
    output = tmp_path / f"{kind}.xlsx"
    result = runner.invoke(app, ["template", kind, "--entity", "SDG", "--output", str(output)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(output)
    assert workbook.sheetnames == ["datos", "instrucciones", "listas"]
    assert workbook["listas"].sheet_state == "hidden"
    data = workbook["datos"]
    assert [c.value for c in data[1]] == EXPORT_KINDS[kind].column_names
    instructions = " ".join(str(c.value) for c in workbook["instrucciones"]["A"] if c.value)
    assert "Cómo diligenciarla" in instructions and EXPORT_KINDS[kind].label in instructions
    assert "entidad" in _validations(data)


def test_indicator_template_lists_only_the_entitys_indicators_and_checks_numbers(tmp_path):
    output = tmp_path / "sdg.xlsx"
    runner.invoke(app, ["template", "indicator_values", "--entity", "sdg", "--output", str(output)])
    workbook = load_workbook(output)
    rules = _validations(workbook["datos"])
    listed = [c.value for c in workbook["listas"]["B"][1:] if c.value]  # column B = indicador
    own = sorted(i.code for i in load_catalog().indicators_of("SDG"))
    assert sorted(listed) == own and len(own) < len(load_catalog().indicators)
    assert rules["indicador"].type == "list" and "listas!$B$2" in rules["indicador"].formula1
    assert rules["valor"].type == "decimal" and rules["valor"].operator == "greaterThanOrEqual"
    localities = [c.value for c in workbook["listas"]["C"][1:] if c.value]
    assert len(localities) == 20 and "Usaquén" in localities


def test_filled_template_passes_validation(tmp_path):
    output = tmp_path / "sdg.xlsx"
    runner.invoke(app, ["template", "activity_status", "--entity", "SDG", "--output", str(output)])
    workbook = load_workbook(output)
    workbook["datos"].append(["SDG", "UTA1-E01", "2024-C1", "iniciada", "En curso"])
    workbook.save(output)
    result = inspect_file(output)
    assert result.ok and result.kind.code == "activity_status" and len(result.rows) == 1


def test_unknown_kind_or_entity_is_refused(tmp_path):
    assert runner.invoke(app, ["template", "nada"]).exit_code == 2
    bad = runner.invoke(app, ["template", "barriers", "--entity", "XYZ", "--output", "x.xlsx"])
    assert bad.exit_code == 2 and "Entidad desconocida" in bad.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_check_prints_and_writes_the_spanish_report(tmp_path, suffix):
    path = tmp_path / "sdg.csv"
    path.write_text(
        "entidad;indicador;localidad;mes;valor\n"
        "SDG;UTA1_INTEGRATE_ORIENTACIONES;Engatva;2024-01;=1+1\n"
        "SDG;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-01;-4\n",
        encoding="utf-8",
    )
    report = tmp_path / f"reporte{suffix}"
    result = runner.invoke(app, ["check", str(path), "--report", str(report)])
    assert result.exit_code == 1
    assert "Fila | Columna | Valor | Tipo | Problema | Cómo corregirlo" in result.output
    assert "3 | valor | -4 | Error | El valor es negativo." in result.output
    assert "Se interpretó como «Engativá»" in result.output
    if suffix == ".csv":
        with report.open(encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        header, body = rows[0], rows[1:]
    else:
        sheet = load_workbook(report)["problemas"]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        header, body = values[1], values[2:]
    assert header[:3] == ["Fila", "Columna", "Valor"]
    assert [r[0] for r in body] == ["2", "3", "2"]  # errors first, then the warning
    assert body[0][2] == "'=1+1"  # a formula from the file stays inert text in the report
    assert body[2][3] == "Aviso"


def test_check_accepts_a_good_file_without_loading(tmp_path):
    path = tmp_path / "sdg.csv"
    path.write_text(
        'Entidad,Indicador,Localidad,Mes,Valor\nSDG,UTA1_INTEGRATE_ORIENTACIONES,Suba,may-2024,"1.214,0"\n',
        encoding="cp1252",
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "válido" in result.output and "1 fila(s) lista(s)" in result.output
