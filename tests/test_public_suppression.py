"""The public view's figures (marts.mart_public_locality_figures) against the built demo warehouse:
small counts never published, never a lone withheld locality, no withheld figure narrowed to
fewer than the threshold's count of values (the attacker of test_suppression_property), and what
is published is exactly the product's own figure."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from test_suppression_property import attacker_ranges

PUBLIC = "marts.mart_public_locality_figures"


def _rows(engine, sql: str, **params) -> list:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).mappings().all()


@pytest.fixture(scope="module")
def public_rows(built_warehouse) -> list:
    """The count figures (rules sum, avg, last): a derived ratio is suppressed on its numerator
    and denominator, not on the quotient (tests/test_derived_indicators.py)."""
    rows = _rows(built_warehouse, f"select * from {PUBLIC} where aggregation_rule <> 'ratio'")
    assert rows, "the public mart is empty"
    return rows


def test_threshold_is_the_project_var(public_rows):
    assert {r["min_count"] for r in public_rows} == {10}  # dbt_project.yml: public_min_count


def test_no_published_figure_is_below_the_threshold(public_rows):
    small = [
        (r["indicator_code"], r["cutoff_code"], r["locality_scope"], r["figure"])
        for r in public_rows
        if not r["is_suppressed"] and r["figure"] < r["min_count"]
    ]
    assert small == []
    # Withheld rows carry no figure at all, and a reason.
    for r in public_rows:
        if r["is_suppressed"]:
            assert r["figure"] is None and r["suppression_reason"] in {"primaria", "complementaria"}
        else:
            assert r["figure"] is not None and r["suppression_reason"] is None


def test_each_indicator_and_cutoff_withholds_zero_or_at_least_two_localities(public_rows):
    suppressed: dict[tuple[str, str], int] = {}
    for r in public_rows:
        key = (r["indicator_code"], r["cutoff_code"])
        suppressed.setdefault(key, 0)
        if not r["is_district_total"] and r["is_suppressed"]:
            suppressed[key] += 1
    assert [key for key, n in suppressed.items() if n == 1] == []
    # The demo exercises both rules, so the checks above are not vacuous.
    reasons = {r["suppression_reason"] for r in public_rows}
    assert {"primaria", "complementaria"} <= reasons


def test_complementary_cells_are_the_smallest_remaining_localities(built_warehouse, public_rows):
    """At least the threshold, and strictly below every published locality of their table (ties
    at the boundary are withheld together): what the attacker model relies on."""
    source = {
        (r["indicator_code"], r["cutoff_code"], r["locality_scope"]): r["figure"]
        for r in _rows(built_warehouse, "select * from marts.mart_indicator_cutoff_figures")
    }
    complementary = [r for r in public_rows if r["suppression_reason"] == "complementaria"]
    assert complementary
    for r in complementary:
        hidden = source[(r["indicator_code"], r["cutoff_code"], r["locality_scope"])]
        assert hidden >= r["min_count"]
        published = [
            p["figure"]
            for p in public_rows
            if (p["indicator_code"], p["cutoff_code"]) == (r["indicator_code"], r["cutoff_code"])
            and not p["is_district_total"]
            and not p["is_suppressed"]
        ]
        assert all(hidden < figure for figure in published)


def _tables(public_rows) -> dict[tuple[str, str], list]:
    tables: dict[tuple[str, str], list] = {}
    for r in public_rows:
        tables.setdefault((r["indicator_code"], r["cutoff_code"]), []).append(dict(r))
    return tables


def test_no_withheld_figure_can_be_narrowed(public_rows):
    """Every withheld cell of every indicator and cut-off keeps at least min_count feasible values
    for an attacker who knows the total, the published figures, the threshold, the reasons and
    the rule. The demo has a table where the old rule (only the smallest remaining locality)
    left a primary cell within a few values: UTA1_MUJER_ATENDIDAS in 2024-C2 (7, then 10, 12, 13,
    13, 14, 21…) now withholds every locality up to 14."""
    narrow = {}
    for key, rows in _tables(public_rows).items():
        for scope, (lo, hi) in attacker_ranges(rows).items():
            if hi - lo + 1 < rows[0]["min_count"]:
                narrow[(*key, scope)] = (lo, hi)
    assert narrow == {}
    mujer = _tables(public_rows)[("UTA1_MUJER_ATENDIDAS", "2024-C2")]
    assert sum(r["suppression_reason"] == "complementaria" for r in mujer) == 5


def test_published_district_total_equals_indicator_figure(built_warehouse):
    """The district figure is marts.indicator_figure over the indicator's window at the cut-off
    (its own window: the cut-off's months, shorter for a lagged source), all localities."""
    rows = _rows(
        built_warehouse,
        f"select p.indicator_code, p.cutoff_code, p.figure, p.is_suppressed, "
        f"(select figure from marts.indicator_figure(p.indicator_code, p.window_start_month, "
        f"p.window_end_month)) as expected "
        f"from {PUBLIC} p where p.is_district_total",
    )
    assert rows
    published = [r for r in rows if not r["is_suppressed"]]
    assert published
    assert [r for r in published if r["figure"] != r["expected"]] == []
    # A district total of 10 or more is withheld only with every locality (nothing else protects).
    tables = _tables(_rows(built_warehouse, f"select * from {PUBLIC}"))
    for r in rows:
        if r["is_suppressed"] and r["expected"] >= 10:
            table = tables[(r["indicator_code"], r["cutoff_code"])]
            assert all(cell["is_suppressed"] for cell in table)


def test_published_figures_equal_the_source_mart(built_warehouse, public_rows):
    expected = {
        r["cutoff_figure_key"]: r
        for r in _rows(
            built_warehouse,
            "select f.* from marts.mart_indicator_cutoff_figures f "
            "join marts.dim_indicator i using (indicator_code) where i.is_publishable "
            "and i.aggregation_rule <> 'ratio'",
        )
    }
    assert {r["public_figure_key"] for r in public_rows} == set(expected)
    for r in public_rows:
        source = expected[r["public_figure_key"]]
        assert (r["indicator_code"], r["cutoff_code"], r["locality_scope"]) == (
            source["indicator_code"],
            source["cutoff_code"],
            source["locality_scope"],
        )
        if not r["is_suppressed"]:
            assert r["figure"] == source["figure"]
        elif r["suppression_reason"] == "primaria":
            assert source["figure"] < r["min_count"]
