"""The training material's answers (docs/capacitacion.md) hold on the demo warehouse.

Each exercise table in the document is read as data: the indicator figures through the app's
query layer (the same window the cards use), the compliance through the action-plan queries, and
the example file's errors through `tablero check`."""

from __future__ import annotations

import re
from datetime import date

import pytest
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.formatting import format_number, format_percent
from warehouse.marts import indicators as query
from warehouse.marts import plan_de_accion
from warehouse.settings import PROJECT_ROOT

DOC = PROJECT_ROOT / "docs" / "capacitacion.md"
BAD_FILE = PROJECT_ROOT / "docs" / "capacitacion" / "entrega_con_errores.csv"


def table(marker: str) -> list[list[str]]:
    """Data rows of the Markdown table between <!-- marker:inicio --> and <!-- marker:fin -->."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker}:inicio -->(.*?)<!-- {marker}:fin -->", text, re.S)
    assert match, f"docs/capacitacion.md has no {marker} table"
    lines = [line.strip() for line in match.group(1).strip().splitlines()]
    rows = [[cell.strip().strip("`") for cell in line.strip("|").split("|")] for line in lines]
    return rows[2:]  # header and separator


def month(text: str) -> date:
    year, number = text.split("-")
    return date(int(year), int(number), 1)


EXERCISES = table("ejercicios")
COMPLIANCE = table("cumplimiento")


def test_the_document_has_exercises():
    assert len(EXERCISES) >= 8 and len(COMPLIANCE) >= 2


@pytest.mark.parametrize("row", EXERCISES, ids=[r[0] for r in EXERCISES])
def test_indicator_exercise_answer_equals_the_dashboard(built_warehouse, row):
    _, _, _, code, start, end, localities, answer = row
    chosen = None if localities == "todas" else [c.strip() for c in localities.split(",")]
    window = query.figure_window(code, month(start), month(end))
    figure = query.indicator_figure(code, window.start, window.end, chosen)
    assert format_number(figure.value) == answer


@pytest.mark.parametrize("row", COMPLIANCE, ids=[r[0] for r in COMPLIANCE])
def test_compliance_exercise_answer_equals_the_dashboard(built_warehouse, row):
    _, _, cutoff, uta, answer = row
    frame = plan_de_accion.compliance_by_uta(cutoff, uta)
    assert len(frame) == 1
    assert format_percent(frame.iloc[0]["compliance_ratio"]) == answer


def test_example_file_shows_exactly_the_errors_the_document_lists(built_warehouse):
    expected = table("revision")
    result = CliRunner().invoke(app, ["check", str(BAD_FILE)])
    assert result.exit_code != 0  # rejected
    assert f"{len(expected)} error(es)" in result.output
    for row_number, column, value, _ in expected:
        assert f"{row_number} | {column} | {value} | Error" in result.output
