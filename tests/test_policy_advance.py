"""The policy's weighted advance and goal (mart_policy_advance): built by dbt from small
hand-written product reports in an own database; marts, read API, CLI and a SQL query agree, an
independent recomputation from the catalogue CSVs agrees, and a product reported twice takes its
latest delivery."""

from __future__ import annotations

import csv
import json
import os
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from warehouse import db as warehouse_db
from warehouse.cli import app
from warehouse.intake.loader import load_file
from warehouse.marts import avance
from warehouse.settings import PROJECT_ROOT, Settings, get_settings

CATALOG = PROJECT_ROOT / "seeds" / "catalog"
HEADER = "entidad,producto,corte,valor_reportado,nota"
# Loaded in this order: later files are later deliveries.
FILES = [
    ("SDG_avance_2024-C1.csv", ["SDG,P1-01,2024-C1,7500,primer envío", "SDG,P1-03,2024-C1,20,"]),
    ("SDP_avance_2024-C1.csv", ["SDP,P1-02,2024-C1,425000,"]),
    # SDG re-delivers 2024-C1: P1-01 changes, P1-03 is reported again, P3-04 is added.
    (
        "SDG_avance_2024-C1_v2.csv",
        ["SDG,P1-01,2024-C1,9000,corregido", "SDG,P1-03,2024-C1,20,", "SDG,P3-04,2024-C1,13,"],
    ),
    # Above the year's goal (uncapped per product, capped for the policy): a warning, loaded.
    ("SDMUJER_avance_2024-C3.csv", ["SDMUJER,P1-04,2024-C3,3200,meta superada"]),
]
CUTOFF_YEARS = {"2024-C1": 2024, "2024-C2": 2024, "2024-C3": 2024}


@pytest.fixture(scope="module")
def advance_warehouse(tmp_path_factory) -> Iterator[None]:
    """Own database with only the files above, the policy-advance marts built by dbt."""
    from warehouse.dbt_runner import run_dbt
    from warehouse.schema import ensure_schema

    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "TABLERO_DBT_TARGET_DIR")}
    server_url = warehouse_db.resolve_url(Settings())
    name = f"tablero_test_pa_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    url = server_url.set(database=name).render_as_string(hide_password=False)
    os.environ["DATABASE_URL"] = url.replace("postgresql+psycopg", "postgresql")
    os.environ["TABLERO_DBT_TARGET_DIR"] = str(
        PROJECT_ROOT / "dbt_project" / "target" / "tests" / name
    )
    get_settings.cache_clear()
    warehouse_db.clear_engines()
    try:
        engine = warehouse_db.get_engine()
        ensure_schema(engine)
        folder = tmp_path_factory.mktemp("advance_exports")
        for file_name, rows in FILES:
            path = folder / file_name
            path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
            result = load_file(engine, Path(path), submitter="test")
            assert result.status == "aceptado", result.message
        outcome = run_dbt(
            [
                "build",
                "--select",
                "+path:models/marts/policy_advance",
                "path:tests/policy_advance",
                "--indirect-selection",
                "cautious",
            ]
        )
        assert outcome.success, outcome.failures
        yield
    finally:
        get_settings.cache_clear()
        warehouse_db.clear_engines()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


def _csv(name: str) -> list[dict[str, str]]:
    with (CATALOG / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _expected(cutoff: str, reported: dict[str, Decimal]) -> tuple[float, float]:
    """The rule recomputed from the catalogue CSVs, for cut-offs of one year with no earlier
    cut-offs: each product adds weight * min(reported, year goal) ÷ total goal to the advance
    and weight * programmed by the year ÷ total goal to the goal."""
    year = CUTOFF_YEARS[cutoff]
    goals: dict[str, dict[int, Decimal]] = {}
    for row in _csv("product_goals"):
        goals.setdefault(row["product_code"], {})[int(row["goal_year"])] = Decimal(
            row["goal_value"]
        )
    advance = goal = weights = Decimal(0)
    for product in _csv("products"):
        code, weight = product["product_code"], Decimal(product["weight_pct"])
        by_year = goals[code]
        if product["is_cumulative"] == "true":
            total, to_date = max(by_year.values()), by_year[year]
        else:
            total = sum(by_year.values())
            to_date = sum(v for y, v in by_year.items() if y <= year)
        advance += weight * min(reported.get(code, Decimal(0)), by_year[year]) / total
        goal += weight * min(to_date / total, Decimal(1))
        weights += weight
    return float(advance / weights), float(goal / weights)


def test_product_reported_twice_takes_latest_delivery(advance_warehouse):
    products = avance.products("2024-C1", entity_code="SDG").set_index("product_code")
    assert products.loc["P1-01", "reported_value"] == 9000
    assert products.loc["P1-01", "progress_note"] == "corregido"
    assert products.loc["P1-01", "advance_ratio"] == pytest.approx(9000 / 15000)
    assert bool(products.loc["P3-04", "is_reported"])
    assert set(products.index) == {"P1-01", "P1-03", "P3-04"}  # SDG's products only
    with warehouse_db.get_engine().connect() as conn:
        batches = conn.execute(
            text(
                "select f.batch_id = max(r.batch_id) from marts.fct_product_advance f "
                "join raw.product_advance r on r.producto = f.product_code and r.corte = "
                "f.cutoff_code where f.product_code = 'P1-01' and f.cutoff_code = '2024-C1' "
                "group by f.batch_id"
            )
        ).scalar_one()
    assert batches  # the value comes from the later of the two deliveries


def test_uncapped_per_product_capped_for_policy(advance_warehouse):
    row = avance.products("2024-C3", entity_code="SDMUJER").set_index("product_code").loc["P1-04"]
    assert row["advance_ratio"] == pytest.approx(3200 / 3000)  # shown uncapped
    entity = avance.policy_advance("2024-C3", "entidad", "SDMUJER").iloc[0]
    assert entity["advance_ratio"] == pytest.approx(entity["goal_ratio"])  # counted at 100 %


@pytest.mark.parametrize(
    ("cutoff", "reported"),
    [
        ("2024-C1", {"P1-01": 9000, "P1-03": 20, "P1-02": 425000, "P3-04": 13}),
        ("2024-C3", {"P1-04": 3200}),
    ],
)
def test_marts_cli_sql_and_recomputation_agree(advance_warehouse, cutoff, reported):
    expected = _expected(cutoff, {k: Decimal(v) for k, v in reported.items()})
    mart = avance.policy_figure(cutoff)
    with warehouse_db.get_engine().connect() as conn:
        by_hand = conn.execute(
            text(
                "select sum(weight_pct * advance_share) / sum(weight_pct), "
                "sum(weight_pct * goal_share) / sum(weight_pct), count(*) filter (where "
                "is_reported) from marts.fct_product_advance where cutoff_code = :c"
            ),
            {"c": cutoff},
        ).one()
    result = CliRunner().invoke(app, ["avance", "--cutoff", cutoff, "--json"])
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)
    for advance_ratio, goal_ratio in [
        (mart["advance_ratio"], mart["goal_ratio"]),
        (float(by_hand[0]), float(by_hand[1])),
        (cli["advance_ratio"], cli["goal_ratio"]),
    ]:
        assert advance_ratio == pytest.approx(expected[0], abs=1e-12)
        assert goal_ratio == pytest.approx(expected[1], abs=1e-12)
    assert cli["reported_products"] == by_hand[2] == len(reported)
    assert cli["scope_name"] == "Política pública" and cli["products"] == len(_csv("products"))


def test_uta_and_entity_scopes_weigh_their_own_products(advance_warehouse):
    utas = avance.policy_advance("2024-C1", "uta")
    assert list(utas["scope_code"]) == ["UTA1", "UTA2", "UTA3"]
    weights = {r["uta_code"]: 0 for r in _csv("products")}
    for r in _csv("products"):
        weights[r["uta_code"]] += float(r["weight_pct"])
    assert dict(zip(utas["scope_code"], utas["weight_pct"].astype(float), strict=True)) == weights
    # UTA2 had no report at 2024-C1: no advance, its goal still programmed.
    uta2 = utas.set_index("scope_code").loc["UTA2"]
    assert uta2["advance_ratio"] == 0 and uta2["goal_ratio"] > 0


def test_cli_detail_and_refusals(advance_warehouse):
    runner = CliRunner()
    detail = runner.invoke(app, ["avance", "--cutoff", "enero–mayo 2024", "--entity", "sdg",
                                 "--detail"])  # fmt: skip
    assert detail.exit_code == 0, detail.output
    assert "Gobierno" in detail.output and "P1-01" in detail.output and "9.000" in detail.output
    both = runner.invoke(app, ["avance", "--cutoff", "2024-C1", "--uta", "1", "--entity", "SDG"])
    assert both.exit_code == 2 and "no ambos" in both.output
    unknown = runner.invoke(app, ["avance", "--cutoff", "2030-C9"])
    assert unknown.exit_code == 2 and "Corte desconocido" in unknown.output
