"""Property-based test of the public view's suppression (macro public_suppression, the SQL that
mart_public_locality_figures runs): hypothesis generates small tables (2–20 localities, figures
0–60, threshold 3–10, sometimes district rows without a locality), the very macro compiled by dbt
runs on them in the session's PostgreSQL, and an attacker written here, cell by cell, bounds each
withheld figure from what the page shows (docs/architecture.md, Public view): no published figure
below the threshold, never a lone withheld locality, every withheld cell with at least t feasible
values, published figures equal to their inputs. The dbt test
tests/public/assert_public_suppression_ranges_wide_enough.sql runs on the same output and must
agree."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from warehouse.dbt_runner import dbt_environment
from warehouse.settings import get_settings

CELLS = "pg_temp.suppression_cells"
PROBE = "pg_temp.suppression_public_probe"


def _compile(args: list[str]) -> str:
    """dbt's compiled SQL for `dbt compile <args>` (one node), against the session's database."""
    from dbt.cli.main import dbtRunner

    settings_ = get_settings()
    os.environ.update(dbt_environment(settings_))
    project = str(settings_.dbt_project_dir)
    result = dbtRunner().invoke(
        [
            "compile",
            *args,
            "--project-dir",
            project,
            "--profiles-dir",
            project,
            "--target-path",
            str(settings_.dbt_target_dir),
            "--no-use-colors",
            "--quiet",
        ]
    )
    assert result.success, result.exception
    (node,) = [r.node for r in result.result.results]
    return node.compiled_code


@pytest.fixture(scope="module")
def suppression_sql(built_warehouse) -> str:
    """The macro the mart runs, compiled over the temporary table of generated cells."""
    return _compile(["--inline", f"{{{{ public_suppression('{CELLS}') }}}}"])


@pytest.fixture(scope="module")
def ranges_test_sql(built_warehouse) -> str:
    """The dbt singular test, reading a temporary table shaped like the mart instead of it."""
    sql = _compile(["--select", "assert_public_suppression_ranges_wide_enough"])
    probed, replaced = re.subn(r'"[^"]+"\."[^"]+"\."mart_public_locality_figures"', PROBE, sql)
    assert replaced == 1, sql
    return probed


@pytest.fixture(scope="module")
def conn(built_warehouse):
    with built_warehouse.connect() as connection:
        connection.exec_driver_sql(
            f"create temporary table {CELLS.split('.')[1]} ("
            "cutoff_figure_key text primary key, indicator_code text, cutoff_code text, "
            "locality_scope text, is_district_total boolean, figure numeric, min_count integer)"
        )
        yield connection
        connection.rollback()


# --- What the SQL decides --------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    threshold: int
    localities: tuple[int, ...]
    unlocated: int  # district rows without a locality: T exceeds the sum of the localities

    @property
    def total(self) -> int:
        return sum(self.localities) + self.unlocated

    def cells(self) -> list[dict]:
        rows = [self._cell("todas", True, self.total)]
        rows += [self._cell(f"{i:02d}", False, v) for i, v in enumerate(self.localities, 1)]
        return rows

    def _cell(self, scope: str, district: bool, figure: int) -> dict:
        return {
            "cutoff_figure_key": scope,
            "indicator_code": "I",
            "cutoff_code": "C",
            "locality_scope": scope,
            "is_district_total": district,
            "figure": figure,
            "min_count": self.threshold,
        }


def suppress(conn, sql: str, table: Table) -> dict[str, str | None]:
    """Locality scope → suppression_reason, from the compiled macro over this table."""
    conn.exec_driver_sql(f"truncate {CELLS}")
    conn.execute(
        text(
            f"insert into {CELLS} values (:cutoff_figure_key, :indicator_code, :cutoff_code, "
            ":locality_scope, :is_district_total, :figure, :min_count)"
        ),
        table.cells(),
    )
    rows = conn.exec_driver_sql(sql).all()
    return dict(rows)


def published_view(table: Table, reasons: dict[str, str | None]) -> list[dict]:
    """The mart's rows as the page gets them: figure null when withheld."""
    return [
        {
            **cell,
            "public_figure_key": cell["cutoff_figure_key"],
            "is_suppressed": reasons[cell["locality_scope"]] is not None,
            "suppression_reason": reasons[cell["locality_scope"]],
            "figure": None if reasons[cell["locality_scope"]] else cell["figure"],
        }
        for cell in table.cells()
    ]


# --- The attacker, cell by cell --------------------------------------------------------------


def attacker_ranges(view: list[dict]) -> dict[str, tuple[float, float]]:
    """Each withheld cell's feasible range for someone who sees the page: T if published, every
    published locality, t, which localities are withheld and why (primary in [0, t-1];
    complementary in [t, m-1], m the smallest published locality, since they are the smallest
    others and ties are withheld together), and that the withheld localities add up to
    T - published (a withheld total says nothing). Each bounded by the others' bounds."""
    t = view[0]["min_count"]
    district = next(r for r in view if r["is_district_total"])
    localities = [r for r in view if not r["is_district_total"]]
    published = [r["figure"] for r in localities if not r["is_suppressed"]]
    smallest = min(published, default=math.inf)
    own = {
        r["locality_scope"]: (0, t - 1)
        if r["suppression_reason"] == "primaria"
        else (t, smallest - 1)
        for r in localities
        if r["is_suppressed"]
    }
    if district["is_suppressed"]:
        r_lo, r_hi = -math.inf, math.inf
    else:
        r_lo = r_hi = district["figure"] - sum(published)
    ranges = {}
    for scope, (own_lo, own_hi) in own.items():
        others = [bounds for other, bounds in own.items() if other != scope]
        lo = max(own_lo, r_lo - sum(hi for _, hi in others))
        hi = min(own_hi, r_hi - sum(lo for lo, _ in others))
        ranges[scope] = (lo, hi)
    if district["is_suppressed"]:
        ranges["todas"] = (
            sum(published) + sum(lo for lo, _ in own.values()),
            sum(published) + sum(hi for _, hi in own.values()),
        )
    return ranges


def narrow_cells(view: list[dict]) -> dict[str, tuple[float, float]]:
    t = view[0]["min_count"]
    return {scope: (lo, hi) for scope, (lo, hi) in attacker_ranges(view).items() if hi - lo + 1 < t}


# --- Properties ------------------------------------------------------------------------------


@st.composite
def tables(draw) -> Table:
    """Threshold 3–10, 2–20 localities of 0–60, often small (near the threshold, where the
    choices are made) or repeating a few values (ties at the boundary of the complementary
    cells), sometimes district rows without a locality."""
    palette = draw(st.lists(st.integers(0, 60), min_size=1, max_size=5))
    figure = st.one_of(st.integers(0, 60), st.integers(0, 25), st.sampled_from(palette))
    return Table(
        threshold=draw(st.integers(3, 10)),
        localities=tuple(draw(st.lists(figure, min_size=2, max_size=20))),
        unlocated=draw(st.one_of(st.just(0), st.just(0), st.integers(0, 15))),
    )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(table=tables())
# Always tried, besides the generated ones: each fails a plausible slip in the macro (a tie split
# at the boundary, no check of the complementary cells' own range, their bound m instead of m-1,
# the district total published when nothing else protects) and was found by hypothesis.
@example(table=Table(threshold=3, localities=(0, 0, 6, 6), unlocated=0))
@example(table=Table(threshold=7, localities=(0, 0, 0, 7, 9), unlocated=13))
@example(table=Table(threshold=3, localities=(0, 4, 5), unlocated=1))
@example(table=Table(threshold=3, localities=(0, 3), unlocated=0))
def test_suppression_cannot_be_narrowed(conn, suppression_sql, ranges_test_sql, table):
    reasons = suppress(conn, suppression_sql, table)
    view = published_view(table, reasons)
    t = table.threshold
    true_value = {cell["locality_scope"]: cell["figure"] for cell in table.cells()}
    localities = [r for r in view if not r["is_district_total"]]

    # Published figures are the inputs, and none is below the threshold.
    for r in view:
        if not r["is_suppressed"]:
            assert r["figure"] == true_value[r["locality_scope"]] >= t
    # Primary exactly below the threshold; complementary strictly below every published locality.
    for r in localities:
        assert (r["suppression_reason"] == "primaria") == (true_value[r["locality_scope"]] < t)
    published = [r["figure"] for r in localities if not r["is_suppressed"]]
    for r in localities:
        if r["suppression_reason"] == "complementaria":
            assert all(true_value[r["locality_scope"]] < figure for figure in published)
    # Never exactly one withheld locality.
    assert sum(r["is_suppressed"] for r in localities) != 1

    # Every withheld cell keeps at least t feasible values for the attacker...
    ranges = attacker_ranges(view)
    assert {scope for scope, (lo, hi) in ranges.items() if hi - lo + 1 < t} == set(), ranges
    # ...who, when T is the sum of the localities, is right: the true figure is in its range.
    if table.unlocated == 0:
        for scope, (lo, hi) in ranges.items():
            assert lo <= true_value[scope] <= hi

    # The dbt test agrees on the same output.
    assert _ranges_test_failures(conn, ranges_test_sql, view) == []


def _ranges_test_failures(conn, sql: str, view: list[dict]) -> list:
    conn.exec_driver_sql(f"drop table if exists {PROBE}")
    conn.exec_driver_sql(
        f"create temporary table {PROBE.split('.')[1]} (public_figure_key text, "
        "indicator_code text, cutoff_code text, locality_scope text, is_district_total boolean, "
        "figure numeric, is_suppressed boolean, suppression_reason text, min_count integer, "
        "aggregation_rule text default 'sum')"  # counts: the test leaves out derived ratios
    )
    conn.execute(
        text(
            f"insert into {PROBE} (public_figure_key, indicator_code, cutoff_code, "
            "locality_scope, is_district_total, figure, is_suppressed, suppression_reason, "
            "min_count) values (:public_figure_key, :indicator_code, :cutoff_code, "
            ":locality_scope, :is_district_total, :figure, :is_suppressed, "
            ":suppression_reason, :min_count)"
        ),
        [{k: r[k] for k in r if k != "cutoff_figure_key"} for r in view],
    )
    return conn.exec_driver_sql(sql).all()


# --- The attack of the issue -----------------------------------------------------------------

ATTACK = Table(threshold=10, localities=(100, 7, 10, 12), unlocated=0)


def test_the_issue_attack_narrowed_the_old_rule_and_no_longer_does(
    conn, suppression_sql, ranges_test_sql
):
    """The old rule withheld the small locality (7) and only the smallest other one (10): from
    the total and the smallest published (12) the 7 was pinned to 5–7. Both the attacker here and
    the dbt test see it; the macro withholds the 12 too."""
    old = {"todas": None, "01": None, "02": "primaria", "03": "complementaria", "04": None}
    old_view = published_view(ATTACK, old)
    narrow = narrow_cells(old_view)
    assert set(narrow) == {"02", "03"}
    # 5–7 in the issue; 6–7 here, as the attacker credits the current rule's strict c < m.
    assert narrow["02"][0] >= 5 and narrow["02"][1] == 7
    failing = {row.locality_scope for row in _ranges_test_failures(conn, ranges_test_sql, old_view)}
    assert failing == {"02", "03"}

    reasons = suppress(conn, suppression_sql, ATTACK)
    assert reasons == {**old, "04": "complementaria"}
    new_view = published_view(ATTACK, reasons)
    assert narrow_cells(new_view) == {}
    assert attacker_ranges(new_view) == {"02": (0, 9), "03": (10, 19), "04": (10, 19)}
    assert _ranges_test_failures(conn, ranges_test_sql, new_view) == []
