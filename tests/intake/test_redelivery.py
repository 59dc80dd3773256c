"""On a private copy of the demo warehouse: a corrected re-delivery replaces the earlier figures
in the marts (history kept), an identical re-delivery is a no-op, `tablero load --build`
refreshes the marts, and a failed dbt build leaves the marts in service untouched."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from intake.snapshots import warehouse_snapshot
from warehouse.cli import app
from warehouse.dbt_runner import is_up_to_date, safe_build
from warehouse.intake.loader import load_file

runner = CliRunner()


def _latest_sdg_month(conn):
    """An (indicator, month) of SDG in the marts, with its localities and delivery."""
    return conn.execute(
        text(
            "select indicator_code, period_month, max(batch_id) as batch_id, "
            "count(*) as localities from marts.fct_indicator_values "
            "where entity_code = 'SDG' and is_total and locality_code not in ('00', '99') "
            "group by 1, 2 order by 2 desc, 1 limit 1"
        )
    ).one()


def _figures(conn, indicator: str, month) -> dict[str, float]:
    rows = conn.execute(
        text(
            "select locality_code, indicator_value from marts.fct_indicator_values "
            "where indicator_code = :i and period_month = :m and is_total"
        ),
        {"i": indicator, "m": month},
    )
    return {r.locality_code: float(r.indicator_value) for r in rows}


def test_corrected_redelivery_replaces_figures_and_identical_resend_is_noop(
    private_warehouse, tmp_path: Path
):
    engine = private_warehouse
    with engine.connect() as conn:
        target = _latest_sdg_month(conn)
        before = _figures(conn, target.indicator_code, target.period_month)
    assert target.localities >= 2
    month = target.period_month.strftime("%Y-%m")
    corrected = tmp_path / f"SDG_indicadores_{month}_correccion.csv"
    corrected.write_text(
        "entidad;indicador;localidad;mes;valor\n"
        f"SDG;{target.indicator_code};Suba;{month};7.777\n"
        f"SDG;{target.indicator_code};Bosa;{month};12\n",
        encoding="utf-8",
    )

    result = load_file(engine, corrected, submitter="enlace SDG")
    assert result.status == "aceptado", [str(p) for p in result.problems]
    assert result.supersedes_delivery_id == target.batch_id
    assert safe_build().success

    with engine.connect() as conn:
        after = _figures(conn, target.indicator_code, target.period_month)
        earlier = conn.execute(
            text("select status, periods from intake.deliveries where delivery_id = :d"),
            {"d": target.batch_id},
        ).one()
        kept = conn.execute(
            text("select count(*) from raw.indicator_values where batch_id = :d"),
            {"d": target.batch_id},
        ).scalar_one()
        logged = conn.execute(
            text(
                "select status, supersedes_delivery_id from marts.mart_deliveries "
                "where delivery_id = :d"
            ),
            {"d": result.delivery_id},
        ).one()
    assert after == {"11": 7777.0, "07": 12.0} != before
    # The earlier file is 'reemplazado' only if the correction covers all it delivered.
    covered = set(earlier.periods) <= {f"{target.indicator_code}|{target.period_month}"}
    assert earlier.status == ("reemplazado" if covered else "aceptado")
    assert kept > 0  # history kept in raw
    assert tuple(logged) == ("aceptado", target.batch_id)

    snapshot = warehouse_snapshot(engine)
    with engine.connect() as conn:
        deliveries = conn.execute(text("select count(*) from intake.deliveries")).scalar_one()
    again = load_file(engine, corrected)
    assert again.status == "duplicado" and again.duplicate_of == result.delivery_id
    assert "no se cambió nada" in again.message
    assert warehouse_snapshot(engine) == snapshot
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from intake.deliveries")).scalar_one() == (
            deliveries
        )


def test_load_with_build_refreshes_marts_and_demo_skips_when_current(
    private_warehouse, tmp_path: Path
):
    engine = private_warehouse
    assert safe_build(skip_if_current=True).skipped or is_up_to_date()
    with engine.connect() as conn:
        built_before = conn.execute(text("select built_at from marts.mart_build_info")).scalar_one()
    path = tmp_path / "SDG_asistencia_extra.csv"
    path.write_text("fecha_sesion;entidad;asiste\n05/02/2025;SDG;sí\n05/02/2025;SDP;no\n")
    outcome = runner.invoke(app, ["load", str(path), "--build"])
    assert outcome.exit_code == 0, outcome.output
    assert (
        "aceptado, 2 fila(s)" in outcome.output and "Construcción de dbt completa" in outcome.output
    )
    with engine.connect() as conn:
        built_after = conn.execute(text("select built_at from marts.mart_build_info")).scalar_one()
        attended = conn.execute(
            text(
                "select count(*) from marts.fct_session_attendance "
                "where session_date = '2025-02-05'"
            )
        ).scalar_one()
    assert built_after > built_before and attended >= 2
    assert is_up_to_date()
    demo = runner.invoke(app, ["demo"])
    assert demo.exit_code == 0, demo.output
    assert "no se ejecuta dbt" in demo.output


def test_failed_build_keeps_previous_marts_in_service(private_warehouse):
    engine = private_warehouse
    before = warehouse_snapshot(engine)
    marts_before = {t: v for t, v in before.items() if t.startswith("marts.")}
    with engine.begin() as conn:
        batch = conn.execute(text("select max(batch_id) from raw.indicator_values")).scalar_one()
        # A row no validated file could bring: an entity outside the catalogue (dbt test fails).
        conn.execute(
            text(
                "insert into raw.indicator_values (batch_id, source_row, file_name, file_sha256, "
                "loaded_at, entidad, indicador, localidad, mes, valor) values (:b, 2, 'x.csv', "
                "'x', now(), 'NO_EXISTE', 'UTA1_SISBEN', 'Suba', '2024-01-01', 1)"
            ),
            {"b": batch},
        )
    try:
        outcome = safe_build()
        assert not outcome.success and outcome.failures
        after = warehouse_snapshot(engine)
        assert {t: v for t, v in after.items() if t.startswith("marts.")} == marts_before
        with engine.connect() as conn:
            leftover = conn.execute(
                text(
                    "select count(*) from information_schema.schemata "
                    "where schema_name = 'marts_next'"
                )
            ).scalar_one()
            last = conn.execute(
                text("select succeeded, failures from intake.builds order by build_id desc limit 1")
            ).one()
        assert leftover == 0 and last.succeeded is False and last.failures
    finally:
        with engine.begin() as conn:
            conn.execute(text("delete from raw.indicator_values where entidad = 'NO_EXISTE'"))
