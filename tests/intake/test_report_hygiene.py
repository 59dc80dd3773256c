"""Whatever a file carries, its report can be written and archived: control characters from a
damaged header never stop the XLSX report nor the archive's jsonb."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from warehouse.intake.problems import WARNING, Problem
from warehouse.intake.report import write_report


def test_a_report_with_control_characters_is_written(tmp_path):
    problems = [Problem(1, "obs\x01", "x\x00y", "Columna no reconocida: se ignora.", "—", WARNING)]
    path = write_report(problems, tmp_path / "r.xlsx", "f.csv")
    rows = list(load_workbook(path)["problemas"].iter_rows(values_only=True))
    assert rows[2][1] == "obs�" and rows[2][2] == "x�y"


def test_long_values_are_quoted_shortened():
    problem = Problem(2, "localidad", "x" * 5000, "Localidad no reconocida.", "—")
    assert len(problem.value) <= 121 and problem.value.endswith("…")
    assert len(json.dumps(problem.as_dict())) < 400
