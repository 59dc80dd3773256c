"""Incremental person marts: a build after a new month, and after a correction of an old month,
gives exactly the rows a full rebuild gives (the safe build carries the marts in service over into
the build schema, and dbt replaces only the months delivered since, each as a whole)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from warehouse.dbt_runner import _carry_over_incremental, incremental_marts, run_dbt, safe_build
from warehouse.intake.loader import load_file
from warehouse.settings import get_settings

PERSON_MARTS = ("fct_person_counts", "fct_person_months")
CHECK = "marts_full_check"
HEADER = "entidad;indicador;localidad;mes;tipo_documento;numero_documento\n"


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _marts(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            name: [tuple(r) for r in conn.execute(text(f"select * from marts.{name} order by 1"))]
            for name in PERSON_MARTS
        }


def _month(engine, entity: str, month: str) -> dict[str, int]:
    """locality → distinct persons of the entity's month (fct_person_counts)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "select locality_code, distinct_persons from marts.fct_person_counts "
                "where entity_code = :e and period_month = cast(:m as date)"
            ),
            {"e": entity, "m": month},
        )
        return dict(rows.tuples().all())


def _incremental_equals_full(engine) -> dict[str, list[tuple]]:
    """safe_build (incremental), then the same two models built from scratch beside it (dbt run
    --full-refresh into a schema of their own): the rows must be the same."""
    outcome = safe_build()
    assert outcome.success, outcome.failures
    assert outcome.carried_over == PERSON_MARTS  # built incrementally, from the marts in service
    incremental = _marts(engine)
    check = run_dbt(
        ["run", "--full-refresh", "--select", *PERSON_MARTS, "--vars", f"{{marts_schema: {CHECK}}}"]
    )
    assert check.success, check.failures
    with engine.connect() as conn:
        full = {
            name: [tuple(r) for r in conn.execute(text(f"select * from {CHECK}.{name} order by 1"))]
            for name in PERSON_MARTS
        }
    assert full == incremental
    return incremental


def test_the_person_marts_are_the_incremental_ones():
    assert set(PERSON_MARTS) <= set(incremental_marts())


def test_incremental_build_equals_a_full_one_after_a_new_month_and_a_correction(
    private_warehouse, tmp_path: Path
):
    engine = private_warehouse
    before = _marts(engine)
    march = _month(engine, "SDMUJER", "2024-03-01")
    assert sum(march.values()) > 10  # the demo's register for the month to correct

    # A new month: the first person-level delivery of SDS (2025-02).
    new_month = _csv(
        tmp_path / "SDS_personas_2025-02.csv",
        [
            "SDS;UTA2_EPS_AFILIADOS;Kennedy;2025-02;PPT;1020304050",
            "SDS;UTA2_EPS_AFILIADOS;Bosa;2025-02;CC;987654321",
            "SDS;UTA2_EPS_AFILIADOS;Bosa;2025-02;PEP;52123456",
        ],
    )
    assert load_file(engine, new_month).status == "aceptado"
    after_new = _incremental_equals_full(engine)
    assert _month(engine, "SDS", "2025-02-01") == {"08": 1, "07": 2, "00": 3}
    assert _month(engine, "SDMUJER", "2024-03-01") == march  # history untouched
    assert len(after_new["fct_person_months"]) == len(before["fct_person_months"]) + 3

    # A correction of an old month: SDMUJER re-delivers 2024-03 with two women only (one new):
    # the month is replaced as a whole, the women left out disappear.
    correction = _csv(
        tmp_path / "SDMUJER_personas_2024-03_correccion.csv",
        [
            "SDMUJER;UTA1_MUJER_ATENDIDAS;Localidad Usaquén;03/2024;PEP;9990000005",
            "SDMUJER;UTA1_MUJER_ATENDIDAS;Kennedy;03/2024;PPT;1112223334",
        ],
    )
    assert load_file(engine, correction).status == "aceptado"
    _incremental_equals_full(engine)
    assert _month(engine, "SDMUJER", "2024-03-01") == {"01": 1, "08": 1, "00": 2}
    assert _month(engine, "SDS", "2025-02-01") == {"08": 1, "07": 2, "00": 3}


def test_the_marts_are_rebuilt_after_a_project_change(private_warehouse):
    """Carried over only when the last successful build ran this same dbt project."""
    with private_warehouse.connect() as conn:
        assert _carry_over_incremental(conn, get_settings(), "otro proyecto") == ()
        conn.rollback()
