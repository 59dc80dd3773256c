"""`tablero indicators` and `tablero figure` on the demo warehouse, run in-process."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.marts import indicators as query

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_indicators_json_lists_the_catalogue(built_warehouse):
    result = _run("indicators", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    catalogue = query.indicators()
    assert [r["code"] for r in rows] == list(catalogue["indicator_code"])
    sisben = next(r for r in rows if r["code"] == "UTA1_SISBEN")
    assert (sisben["rule"], sisben["uta"], sisben["entity"]) == ("last", "UTA1", "SDP")
    assert sisben["unit"] == "personas" and sisben["entity_name"] == "Planeación"
    assert {r["rule"] for r in rows} == {"sum", "avg", "last", "ratio"}  # ratio: derived ones


def test_indicators_text_in_spanish(built_warehouse):
    result = _run("indicators")
    assert result.exit_code == 0, result.output
    assert "Catálogo de indicadores" in result.stdout
    assert "UTA2_EPS_AFILIADOS" in result.stdout and "promedio mensual" in result.stdout


def test_figure_prints_the_dashboard_value_in_es_co(built_warehouse):
    result = _run("figure", "UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05")
    assert result.exit_code == 0, result.output
    assert "806.728 personas" in result.stdout
    assert "ene 2024 – may 2024" in result.stdout and "dato de may 2024" in result.stdout


def test_figure_for_a_cutoff_uses_the_lagged_window_like_the_dashboard(built_warehouse):
    result = _run("figure", "UTA2_EPS_AFILIADOS", "--from", "2024-01", "--to", "2024-05", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert (payload["window_from"], payload["window_to"], payload["lag_months"]) == (
        "2024-01",
        "2024-04",
        1,
    )
    assert payload["value"] == 259570 and payload["months_with_data"] == 4
    text_output = _run("figure", "UTA2_EPS_AFILIADOS", "--from", "2024-01", "--to", "2024-05")
    assert "259.570 personas" in text_output.stdout
    assert "1 mes de rezago" in text_output.stdout
    # Any other period is taken as given: Jan–Mar is the average of three months.
    march = _run("figure", "UTA2_EPS_AFILIADOS", "--from", "2024-01", "--to", "2024-03", "--json")
    expected = query.indicator_figure("UTA2_EPS_AFILIADOS", date(2024, 1, 1), date(2024, 3, 1))
    assert json.loads(march.stdout)["value"] == pytest.approx(float(expected.value))
    assert json.loads(march.stdout)["lag_months"] == 0


def test_figure_json_matches_the_query_layer(built_warehouse):
    result = _run("figure", "uta2_eps_afiliados", "--from", "2024-01", "--to", "2024-04", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    expected = query.indicator_figure("UTA2_EPS_AFILIADOS", date(2024, 1, 1), date(2024, 4, 1))
    assert payload["value"] == expected.value == 259570
    assert payload["value_text"] == "259.570" and payload["aggregation_rule"] == "avg"
    assert (payload["from"], payload["to"], payload["months_with_data"]) == (
        "2024-01",
        "2024-04",
        4,
    )


def test_figure_filters_by_locality_codes_or_names(built_warehouse):
    by_code = _run(
        "figure", "UTA3_DELEGADOS_DDHH", "--from", "2024-01", "--to", "2024-05",
        "--locality", "00", "--json",
    )  # fmt: skip
    assert json.loads(by_code.stdout)["value"] == 1
    by_name = _run(
        "figure", "UTA1_INTEGRATE_ORIENTACIONES", "--from", "2024-01", "--to", "2024-05",
        "--locality", "kennedy", "--locality", "1", "--json",
    )  # fmt: skip
    payload = json.loads(by_name.stdout)
    assert payload["localities"] == ["08", "01"]
    expected = query.indicator_figure(
        "UTA1_INTEGRATE_ORIENTACIONES", date(2024, 1, 1), date(2024, 5, 1), ["08", "01"]
    )
    assert payload["value"] == expected.value and 0 < payload["value"] < 7218


def test_figure_entity_filter(built_warehouse):
    own = _run("figure", "UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05", "--entity", "sdp")
    assert own.exit_code == 0 and "806.728" in own.stdout
    other = _run("figure", "UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05", "--entity", "SDG")
    assert other.exit_code == 0 and "sin datos" in other.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NO_EXISTE", "--from", "2024-01", "--to", "2024-05"], "Indicador desconocido"),
        (["UTA1_SISBEN", "--from", "2024-13", "--to", "2024-05"], "Mes inválido en --from"),
        (["UTA1_SISBEN", "--from", "2024-01", "--to", "mayo"], "Mes inválido en --to"),
        (["UTA1_SISBEN", "--from", "2024-05", "--to", "2024-01"], "periodo está invertido"),
        (
            ["UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05", "--locality", "Atlántida"],
            "Localidad desconocida",
        ),
        (
            ["UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05", "--entity", "XYZ"],
            "Entidad desconocida",
        ),
    ],
)
def test_figure_errors_are_spanish_with_exit_code_2(built_warehouse, args, message):
    result = _run("figure", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_figure_adds_distinct_persons_where_a_register_exists(built_warehouse):
    from warehouse.marts.persons import person_count

    args = ("figure", "UTA1_MUJER_ATENDIDAS", "--from", "2024-01", "--to", "2024-05")
    payload = json.loads(_run(*args, "--json").stdout)
    expected = person_count("UTA1_MUJER_ATENDIDAS", date(2024, 1, 1), date(2024, 5, 1))
    assert payload["distinct_persons"] == expected.distinct_persons
    assert payload["person_months"] == expected.person_months == payload["value"]
    assert payload["distinct_persons"] < payload["person_months"]
    text_output = _run(*args).stdout
    assert f"Personas distintas: {expected.distinct_persons:,}".replace(",", ".") in text_output
    # No register for Sisbén: no such line, nulls in JSON.
    sisben = _run("figure", "UTA1_SISBEN", "--from", "2024-01", "--to", "2024-05", "--json")
    assert json.loads(sisben.stdout)["distinct_persons"] is None
