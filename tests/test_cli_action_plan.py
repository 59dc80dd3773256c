"""`tablero compliance` in-process on the demo warehouse: deck figures, filters, JSON and errors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from warehouse.cli import app

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, ["compliance", *args])


def _table_row(output: str, label_start: str) -> list[str]:
    """The numbers of the table line that starts with `label_start`, as printed."""
    line = next(ln for ln in output.splitlines() if ln.startswith(label_start))
    return re.findall(r"\d+(?: %)?", line[len(label_start) :])


@pytest.mark.parametrize(
    "cutoff", ["enero–mayo 2024", "ENERO-MAYO 2024", "Enero–Mayo 2024", "2024-C1"]
)
def test_compliance_table_matches_deck(built_warehouse, cutoff):
    result = _invoke("--cutoff", cutoff)
    assert result.exit_code == 0, result.output
    assert "corte enero–mayo 2024 (2024-C1)" in result.stdout
    assert _table_row(result.stdout, "UTA 1 – Acogida e Inclusión") == ["20", "15", "75 %"]
    assert _table_row(result.stdout, "UTA 2 – Desarrollo Humano") == ["16", "10", "63 %"]
    assert _table_row(result.stdout, "UTA 3 – Cohesión Social") == ["12", "7", "58 %"]
    assert _table_row(result.stdout, "Total UTA 1–3") == ["48", "32", "67 %"]
    assert "Acciones transversales iniciadas o ejecutadas: 5 de 11 (45 %)." in result.stdout


def test_compliance_json(built_warehouse):
    result = _invoke("--cutoff", "2024-C1", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["cutoff_name"] == "enero–mayo 2024"
    rows = {r["uta_code"]: r for r in payload["rows"]}
    assert [r["uta_code"] for r in payload["rows"]] == [
        "UTA1",
        "UTA2",
        "UTA3",
        "TOTAL",
        "TRANSVERSAL",
    ]
    assert (rows["UTA2"]["reported_activities"], rows["UTA2"]["expected_activities"]) == (10, 16)
    assert rows["UTA2"]["compliance_percent"] == "63 %"
    assert rows["TOTAL"]["compliance_ratio"] == pytest.approx(32 / 48)
    assert rows["TRANSVERSAL"]["started_percent"] == "45 %"
    assert set(rows["UTA3"]["reporting_entities"]) == {
        "Secretaría General",
        "Ambiente",
        "IDPAC",
        "Educación",
        "Gobierno",
        "Seguridad",
    }


@pytest.mark.parametrize(
    ("uta", "code"), [("1", "UTA1"), ("uta 3", "UTA3"), ("transversal", "TRANSVERSAL")]
)
def test_compliance_one_uta(built_warehouse, uta, code):
    result = _invoke("--cutoff", "2024-C1", "--uta", uta, "--json")
    assert result.exit_code == 0, result.output
    assert [r["uta_code"] for r in json.loads(result.stdout)["rows"]] == [code]


def test_unknown_cutoff_exits_2_in_spanish(built_warehouse):
    result = _invoke("--cutoff", "marzo 2031")
    assert result.exit_code == 2
    assert "Corte desconocido: «marzo 2031»" in result.stderr
    assert "2024-C1 (enero–mayo 2024)" in result.stderr
    assert result.stdout == ""


def test_unknown_uta_exits_2(built_warehouse):
    result = _invoke("--cutoff", "2024-C1", "--uta", "7")
    assert result.exit_code == 2
    assert "UTA desconocida" in result.stderr
