"""The deck's action-plan follow-up (cut-off enero–mayo 2024) regenerated from the demo exports."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from warehouse.formatting import format_percent
from warehouse.marts import plan_de_accion

CUTOFF_NAME = "enero–mayo 2024"

# docs/dominio.md, "Plan de acción y cumplimiento del reporte": the committee deck's table.
DECK = {
    "UTA1": {
        "expected": 20,
        "split": (13, 7),
        "reported": 15,
        "percent": "75 %",
        "entities": {
            "Gobierno",
            "Planeación",
            "Integración Social",
            "Secretaría General",
            "Mujer",
            "IDIPRON",
            "Educación",
        },
    },
    "UTA2": {
        "expected": 16,
        "split": (13, 3),
        "reported": 10,
        "percent": "63 %",
        "entities": {
            "Hacienda",
            "Desarrollo Económico",
            "IPES",
            "Salud",
            "Mujer",
            "IDIPRON",
            "Educación",
        },
    },
    "UTA3": {
        "expected": 12,
        "split": (6, 6),
        "reported": 7,
        "percent": "58 %",
        "entities": {
            "Secretaría General",
            "Ambiente",
            "IDPAC",
            "Educación",
            "Gobierno",
            "Seguridad",
        },
    },
}


@pytest.fixture(scope="module")
def cutoff_code(built_warehouse) -> str:
    cutoff = plan_de_accion.resolve_cutoff(CUTOFF_NAME)
    assert cutoff is not None
    return cutoff.cutoff_code


@pytest.fixture(scope="module")
def table(cutoff_code):
    return plan_de_accion.compliance_by_uta(cutoff_code).set_index("uta_code")


@pytest.mark.parametrize("uta_code", sorted(DECK))
def test_uta_compliance_matches_deck(table, uta_code):
    deck, row = DECK[uta_code], table.loc[uta_code]
    assert row["expected_activities"] == deck["expected"]
    assert (row["entity_activities"], row["intersectoral_activities"]) == deck["split"]
    assert row["reported_activities"] == deck["reported"]
    assert format_percent(row["compliance_ratio"]) == deck["percent"]


@pytest.mark.parametrize("uta_code", sorted(DECK))
def test_reporting_entities_match_deck(cutoff_code, uta_code):
    names = plan_de_accion.reporting_entities(cutoff_code, uta_code)
    assert len(names) == len(set(names))
    assert set(names) == DECK[uta_code]["entities"]


def test_overall_compliance_is_32_of_48(table):
    total = table.loc["TOTAL"]
    assert (total["reported_activities"], total["expected_activities"]) == (32, 48)
    assert (total["entity_activities"], total["intersectoral_activities"]) == (32, 16)
    assert format_percent(total["compliance_ratio"]) == "67 %"


def test_transversal_fulfilment_is_5_of_11(table):
    transversal = table.loc["TRANSVERSAL"]
    assert (transversal["started_activities"], transversal["expected_activities"]) == (5, 11)
    assert format_percent(transversal["started_ratio"]) == "45 %"


def test_query_layer_equals_hand_written_sql(built_warehouse, cutoff_code, table):
    """Recount from fct_activity_status by hand; the mart and the query layer must agree."""
    sql = text(
        "select coalesce(uta_code, 'TOTAL') as uta_code, count(*) as expected, "
        "sum(case when status is not null then 1 else 0 end) as reported, "
        "sum(case when status in ('iniciada', 'totalmente ejecutada') then 1 else 0 end) "
        "as started "
        "from marts.fct_activity_status where cutoff_code = :cutoff "
        "and uta_code in ('UTA1', 'UTA2', 'UTA3') group by rollup (uta_code) "
        "union all "
        "select uta_code, count(*), sum(case when status is not null then 1 else 0 end), "
        "sum(case when status in ('iniciada', 'totalmente ejecutada') then 1 else 0 end) "
        "from marts.fct_activity_status where cutoff_code = :cutoff "
        "and uta_code = 'TRANSVERSAL' group by uta_code"
    )
    with built_warehouse.connect() as conn:
        by_hand = {r.uta_code: r for r in conn.execute(sql, {"cutoff": cutoff_code})}
    assert set(by_hand) == set(table.index) == {"UTA1", "UTA2", "UTA3", "TOTAL", "TRANSVERSAL"}
    for uta_code, row in by_hand.items():
        mart = table.loc[uta_code]
        assert mart["expected_activities"] == row.expected
        assert mart["reported_activities"] == row.reported
        assert mart["started_activities"] == row.started
        assert mart["compliance_ratio"] == pytest.approx(row.reported / row.expected)


def test_not_reported_activities_complete_the_count(cutoff_code):
    missing = plan_de_accion.not_reported(cutoff_code)
    uta_missing = missing[missing["uta_code"] != "TRANSVERSAL"]
    assert len(uta_missing) == 48 - 32
    assert uta_missing["status"].isna().all()
