"""Derived indicators (dbt models in dbt_project/models/metrics/, rule ratio): the figures the
SQL functions, the cut-off marts, the public mart and the CLI give, against hand-written SQL on
the delivered values and the population — numerator and denominator each aggregated over the
period by its own rule, then divided (never the average of the monthly ratios)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.formatting import format_figure

JAN, APR, MAY, DEC = date(2024, 1, 1), date(2024, 4, 1), date(2024, 5, 1), date(2024, 12, 1)
COVERAGE, RATE = "UTA2_EPS_COBERTURA_SISBEN", "UTA1_INTEGRATE_TASA"

# The delivered indicators' monthly totals, written by hand from the delivered rows of the fact.
DELIVERED = (
    "select period_month, sum(indicator_value) as v from marts.fct_indicator_values "
    "where indicator_code = :code and is_total and source_kind = 'delivered' "
    "and period_month between :start and :end "
    "and (cast(:localities as text[]) is null or locality_code = any(:localities)) "
    "group by period_month"
)
POPULATION = (
    "select population from marts.mart_population_by_year "
    "where scope_code = :scope and population_year = :year"
)


def _one(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _monthly(engine, code, start, end, localities=None) -> dict[date, Decimal]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(DELIVERED),
            {"code": code, "start": start, "end": end, "localities": localities},
        ).all()
    return {r.period_month: r.v for r in rows}


def _figure(engine, code, start, end, localities=None, validated=False):
    with engine.connect() as conn:
        return conn.execute(
            text("select * from marts.indicator_figure(:c, :s, :e, cast(:l as text[]), null, :v)"),
            {"c": code, "s": start, "e": end, "l": localities, "v": validated},
        ).one()


def _close(actual, expected) -> None:
    assert actual is not None
    assert abs(Decimal(actual) - Decimal(expected)) < Decimal("1e-8"), (actual, expected)


@pytest.mark.parametrize("localities", [None, ["08"], ["01", "11"]])
def test_coverage_is_the_average_of_eps_over_the_last_sisben(built_warehouse, localities):
    """Jan–Apr 2024: the average of the monthly EPS totals ÷ Sisbén at April, times 100."""
    eps = _monthly(built_warehouse, "UTA2_EPS_AFILIADOS", JAN, APR, localities)
    sisben = _monthly(built_warehouse, "UTA1_SISBEN", JAN, APR, localities)
    months = sorted(set(eps) & set(sisben))
    assert len(months) == 4
    numerator = sum(eps[m] for m in months) / len(months)
    expected = numerator / sisben[months[-1]] * 100
    figure = _figure(built_warehouse, COVERAGE, JAN, APR, localities)
    assert figure.aggregation_rule == "ratio" and figure.months_with_data == 4
    _close(figure.figure, expected)
    # Not the average of the monthly ratios: on these months the two differ.
    average_of_ratios = sum(eps[m] / sisben[m] for m in months) / len(months) * 100
    assert abs(average_of_ratios - expected) > Decimal("0.01")


def test_rate_is_the_sum_of_orientations_per_1000_inhabitants(built_warehouse):
    """Jan–May 2024: Intégrate orientations summed (Distrito rows included) ÷ the city's
    population of 2024, per 1.000; in Kennedy, its own orientations ÷ its own population."""
    orientations = _monthly(built_warehouse, "UTA1_INTEGRATE_ORIENTACIONES", JAN, MAY)
    assert sum(orientations.values()) == 7218  # the deck's figure, unchanged
    city = _one(built_warehouse, POPULATION, scope="todas", year=2024)
    _close(_figure(built_warehouse, RATE, JAN, MAY).figure, Decimal(7218) / city * 1000)
    kennedy = _monthly(built_warehouse, "UTA1_INTEGRATE_ORIENTACIONES", JAN, MAY, ["08"])
    population = _one(built_warehouse, POPULATION, scope="08", year=2024)
    expected = sum(kennedy.values()) / Decimal(population) * 1000
    _close(_figure(built_warehouse, RATE, JAN, MAY, ["08"]).figure, expected)


def test_by_locality_series_and_cutoff_agree_with_the_figure(built_warehouse):
    """indicator_figure_by_locality = indicator_figure(locality); a one-month bucket of the
    series is that month's ratio; the cut-off mart's figure is the function's over the window."""
    with built_warehouse.connect() as conn:
        by_locality = conn.execute(
            text(
                "select locality_code, figure, rate_per_1000, locality_rank "
                "from marts.indicator_figure_by_locality(:c, :s, :e)"
            ),
            {"c": COVERAGE, "s": JAN, "e": APR},
        ).all()
        cutoff = conn.execute(
            text(
                "select figure, window_end_month from marts.mart_indicator_cutoff_figures "
                "where indicator_code = :c and cutoff_code = '2024-C1' "
                "and locality_scope = 'todas'"
            ),
            {"c": COVERAGE},
        ).one()
        march = conn.execute(
            text(
                "select figure from marts.indicator_series(:c, :s, :e, null, 'month') "
                "where bucket_month = :m"
            ),
            {"c": COVERAGE, "s": JAN, "e": APR, "m": date(2024, 3, 1)},
        ).scalar()
    assert len(by_locality) == 20
    for row in by_locality[:3]:
        _close(row.figure, _figure(built_warehouse, COVERAGE, JAN, APR, [row.locality_code]).figure)
    assert all(row.rate_per_1000 is None for row in by_locality)  # a ratio has no rate per 1.000
    assert {row.locality_rank for row in by_locality} >= {1}
    assert cutoff.window_end_month == APR  # EPS lag: the cut-off reports enero–abril
    _close(cutoff.figure, _figure(built_warehouse, COVERAGE, JAN, APR).figure)
    eps = _monthly(built_warehouse, "UTA2_EPS_AFILIADOS", date(2024, 3, 1), date(2024, 3, 1))
    sisben = _monthly(built_warehouse, "UTA1_SISBEN", date(2024, 3, 1), date(2024, 3, 1))
    _close(march, sum(eps.values()) / sum(sisben.values()) * 100)


def test_the_validated_chain_and_the_public_page_carry_derived_indicators(built_warehouse):
    """The demo's historical deliveries are validated: «solo validados» gives the same figure;
    the public mart publishes the district ratio of the cut-off, suppressed on its counts."""
    _close(
        _figure(built_warehouse, COVERAGE, JAN, APR, validated=True).figure,
        _figure(built_warehouse, COVERAGE, JAN, APR).figure,
    )
    with built_warehouse.connect() as conn:
        public = conn.execute(
            text(
                "select p.locality_scope, p.figure, p.is_suppressed, p.suppression_reason, "
                "c.numerator_figure, c.denominator_figure "
                "from marts.mart_public_locality_figures p "
                "join marts.mart_indicator_cutoff_figures_validated c "
                "on c.cutoff_figure_key = p.public_figure_key "
                "where p.indicator_code = :c and p.cutoff_code = '2024-C1'"
            ),
            {"c": RATE},
        ).all()
    rows = {r.locality_scope: r for r in public}
    _close(rows["todas"].figure, _figure(built_warehouse, RATE, JAN, MAY).figure)
    # Distrito ('00') has no population: its denominator 0 is withheld, and so its ratio.
    assert rows["00"].is_suppressed and rows["00"].suppression_reason == "primaria"
    for row in public:
        small = min(row.numerator_figure, row.denominator_figure) < 10
        if small:
            assert row.is_suppressed and row.suppression_reason == "primaria", row
    assert sum(1 for r in public if r.is_suppressed) >= 2  # never a lone withheld locality


def test_catalogue_formula_and_inputs_come_from_the_dbt_graph(built_warehouse):
    with built_warehouse.connect() as conn:
        catalogue = conn.execute(
            text(
                "select indicator_code, source_kind, derived_model, formula, ratio_per "
                "from marts.dim_indicator where source_kind = 'derived' order by 1"
            )
        ).all()
        inputs = conn.execute(
            text(
                "select indicator_code, input_code, input_kind, is_read_by_model "
                "from marts.mart_metric_inputs order by 1, 2"
            )
        ).all()
    assert [(r.indicator_code, r.derived_model, r.ratio_per) for r in catalogue] == [
        (RATE, "metric_uta1_integrate_tasa", 1000),
        (COVERAGE, "metric_uta2_eps_cobertura_sisben", 100),
    ]
    assert "÷" in catalogue[1].formula and "UTA1_SISBEN" in catalogue[1].formula
    assert [(r.indicator_code, r.input_code, r.input_kind) for r in inputs] == [
        (RATE, "UTA1_INTEGRATE_ORIENTACIONES", "indicador"),
        (RATE, "mart_population_by_year", "modelo"),
        (COVERAGE, "UTA1_SISBEN", "indicador"),
        (COVERAGE, "UTA2_EPS_AFILIADOS", "indicador"),
    ]
    assert all(r.is_read_by_model for r in inputs)


def test_lineage_of_a_derived_indicator_lists_its_inputs_deliveries(built_warehouse):
    from warehouse.marts import indicadores

    lineage = indicadores.lineage(COVERAGE, JAN, APR)
    assert set(lineage["indicator_code"]) == {"UTA2_EPS_AFILIADOS", "UTA1_SISBEN"}
    assert lineage["file_name"].str.contains("SDS_").any()
    assert lineage["file_name"].str.contains("SDP_").any()
    assert set(indicadores.metric_inputs(RATE)["input_code"]) == {
        "UTA1_INTEGRATE_ORIENTACIONES",
        "mart_population_by_year",
    }


def test_cli_prints_the_ratio_formatted_with_its_formula(built_warehouse):
    runner = CliRunner()
    result = runner.invoke(app, ["figure", COVERAGE, "--from", "2024-01", "--to", "2024-05"])
    assert result.exit_code == 0, result.output
    figure = _figure(built_warehouse, COVERAGE, JAN, APR).figure  # the cut-off's window
    assert f"Valor: {format_figure(figure, 100)} (4 meses con dato)" in result.output
    assert format_figure(figure, 100).endswith(" %") and "," in format_figure(figure, 100)
    assert "Fórmula: Afiliados a una EPS" in result.output
    result = runner.invoke(
        app, ["figure", RATE, "--from", "2024-01", "--to", "2024-05", "--locality", "08", "--json"]
    )
    payload = json.loads(result.output)
    assert payload["aggregation_rule"] == "ratio"
    assert payload["value_text"].endswith(" por 1.000")
    listing = runner.invoke(app, ["indicators", "--json"])
    derived = {r["code"]: r for r in json.loads(listing.output) if r["source_kind"] == "derived"}
    assert set(derived) == {COVERAGE, RATE} and derived[RATE]["rule"] == "ratio"


def test_a_derived_indicator_cannot_be_delivered(built_warehouse, tmp_path):
    export = tmp_path / "cobertura.csv"
    export.write_text(
        f"entidad;indicador;localidad;mes;valor\nSDS;{COVERAGE};Kennedy;2024-06;30\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(export)])
    assert result.exit_code != 0
    assert "Indicador desconocido" in result.output


def test_format_figure():
    assert format_figure(Decimal("32.2949"), 100) == "32,3 %"
    assert format_figure(Decimal("78.06"), 1000) == "78,1 por 1.000"
    assert format_figure(806728, None) == "806.728"
    assert format_figure(806728, float("nan")) == "806.728"
    assert format_figure(None, 100) == "—"
