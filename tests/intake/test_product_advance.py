"""The product advance report (kind product_advance): validated like the other kinds — unknown
product and another entity's product are errors naming row, column and value; a value above the
year's goal by more than the tolerance is a warning naming both — and its template lists only
the entity's products. None of this touches the warehouse."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.intake.advance import GOAL_TOLERANCE
from warehouse.intake.catalog import load_catalog
from warehouse.intake.inspection import inspect_file
from warehouse.settings import PROJECT_ROOT

HEADER = "entidad,producto,corte,valor_reportado,nota"


def _inspect(tmp_path: Path, *rows: str):
    path = tmp_path / "SDG_avance_2024-C1.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return inspect_file(path)


def test_valid_report_is_detected_and_accepted(tmp_path):
    result = _inspect(tmp_path, "SDG,p1-01 ,2024-C1,7.218,Orientaciones en Intégrate")
    assert result.ok, [str(p) for p in result.problems]
    assert result.kind.code == "product_advance" and result.rows[0]["producto"] == "P1-01"


def test_unknown_product_names_row_column_and_value(tmp_path):
    result = _inspect(tmp_path, "SDG,P1-01,2024-C1,10,", "SDG,P9-99,2024-C1,5,")
    errors = [p for p in result.problems if p.is_error]
    assert len(errors) == 1 and not result.ok
    (error,) = errors
    assert (error.row, error.column, error.value) == (3, "producto", "P9-99")
    assert "Producto desconocido" in error.problem and "P1-01" in error.fix  # its own products


def test_another_entitys_product_is_an_error(tmp_path):
    result = _inspect(tmp_path, "SDG,P1-04,2024-C1,10,")
    (error,) = [p for p in result.problems if p.is_error]
    assert (error.row, error.column, error.value) == (2, "producto", "P1-04")
    assert "a cargo de SDMUJER, no de SDG" in error.problem


def test_value_above_the_years_goal_is_a_warning_naming_both(tmp_path):
    goal = load_catalog().products["P1-01"].goals[2024]  # 15.000
    within = goal * (1 + GOAL_TOLERANCE)
    result = _inspect(tmp_path, f"SDG,P1-01,2024-C1,{within},", "SDG,P1-01,2024-C2,16501,")
    assert result.ok  # a warning: the file still loads
    (warning,) = result.problems
    assert not warning.is_error and (warning.row, warning.column) == (3, "valor_reportado")
    assert "16.501" in warning.problem and "meta de 2024" in warning.problem
    assert "15.000" in warning.problem and "P1-01" in warning.problem


def test_zero_goal_year_warns_on_any_value_and_negative_is_an_error(tmp_path):
    # SG's P3-05 has nothing programmed in 2024.
    path = tmp_path / "SG_avance.csv"
    path.write_text(f"{HEADER}\nSG,P3-05,2024-C1,0,\nSG,P3-05,2024-C3,1,\nSG,P1-07,2024-C1,-3,\n")
    problems = inspect_file(path).problems
    assert [(p.row, p.severity) for p in problems] == [(3, "aviso"), (4, "error")]
    assert "meta de 2024 del producto P3-05 (0)" in problems[0].problem


def test_template_lists_only_the_entitys_products(tmp_path):
    output = tmp_path / "sdg.xlsx"
    result = CliRunner().invoke(
        app, ["template", "product_advance", "--entity", "SDG", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    listed = [c.value for c in load_workbook(output)["listas"]["B"][1:] if c.value]
    assert (
        listed == [p.code for p in load_catalog().products_of("SDG")] == ["P1-01", "P1-03", "P3-04"]
    )


def test_catalogue_weights_add_up_to_100_and_goals_cover_2023_to_2035():
    products = load_catalog().products
    with (PROJECT_ROOT / "seeds" / "catalog" / "products.csv").open(encoding="utf-8") as handle:
        weights = {r["product_code"]: float(r["weight_pct"]) for r in csv.DictReader(handle)}
    assert set(weights) == set(products) and sum(weights.values()) == 100
    assert all(w > 0 for w in weights.values())
    for product in products.values():
        assert sorted(product.goals) == list(range(2023, 2036)), product.code
        assert sum(product.goals.values()) > 0, product.code
