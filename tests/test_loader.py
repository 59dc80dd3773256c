"""The loader lands accepted files with lineage, rejects bad ones whole, and archives both.

These tests write into the session database; every delivery they accept is removed again at
teardown so the shared demo warehouse keeps exactly the demo data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.intake.loader import load_file


@pytest.fixture
def accepted(engine) -> Iterator[list[int]]:
    """Delivery ids to remove (raw rows and archive) after the test."""
    ids: list[int] = []
    yield ids
    with engine.begin() as conn:
        for table in ("raw.indicator_values",):
            conn.execute(text(f"delete from {table} where batch_id = any(:ids)"), {"ids": ids})
        conn.execute(
            text(
                "update intake.deliveries set supersedes_delivery_id = null "
                "where supersedes_delivery_id = any(:ids)"
            ),
            {"ids": ids},
        )
        conn.execute(
            text("delete from intake.deliveries where delivery_id = any(:ids)"), {"ids": ids}
        )


def _write(tmp_path: Path, name: str, body: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def _raw_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("select count(*) from raw.indicator_values")).scalar_one()


def test_accepts_file_with_lineage_and_is_idempotent(engine, tmp_path, accepted):
    path = _write(
        tmp_path,
        "sdg_ok.csv",
        "entidad;indicador;localidad;mes;valor\n"
        "SDG;UTA1_INTEGRATE_ORIENTACIONES;Usaquén;2025-03;1.214\n",
    )
    before = _raw_count(engine)
    result = load_file(engine, path)
    accepted.append(result.delivery_id)
    assert result.status == "aceptado" and result.row_count == 1
    with engine.connect() as conn:
        row = conn.execute(
            text("select * from raw.indicator_values where batch_id = :b"),
            {"b": result.delivery_id},
        ).one()
    assert row.valor == 1214 and row.file_name == "sdg_ok.csv" and len(row.file_sha256) == 64
    assert row.source_row == 2 and row.loaded_at is not None and row.localidad_codigo == "01"
    again = load_file(engine, path)
    assert again.status == "duplicado"
    assert _raw_count(engine) == before + 1


def test_rejected_file_changes_nothing_and_is_archived(engine, tmp_path):
    body = (
        "entidad,indicador,localidad,mes,valor\n"
        "SDG,UTA1_INTEGRATE_ORIENTACIONES,Bosa,2025-04,10\n"
        "SDG,UTA1_INTEGRATE_ORIENTACIONES,Suba,2025-04,diez\n"
    )
    path = _write(tmp_path, "sdg_bad.csv", body, encoding="cp1252")
    before = _raw_count(engine)
    result = load_file(engine, path)
    assert result.status == "rechazado"
    assert _raw_count(engine) == before
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.value) == (3, "valor", "diez")
    assert "número" in problem.problem
    with engine.connect() as conn:
        archived = conn.execute(
            text(
                "select status, content, error_report from intake.deliveries where delivery_id = :d"
            ),
            {"d": result.delivery_id},
        ).one()
    assert archived.status == "rechazado"
    assert bytes(archived.content) == path.read_bytes()
    assert archived.error_report[0]["value"] == "diez"


def test_cli_load_prints_warnings_of_accepted_files(engine, tmp_path, accepted):
    path = _write(
        tmp_path,
        "sdg_fuzzy.csv",
        "entidad;indicador;localidad;mes;valor\nSDG;UTA1_INTEGRATE_ORIENTACIONES;Teusaquilo;2025-02;7\n",
    )
    result = CliRunner().invoke(app, ["load", str(path), "--submitter", "enlace SDG"])
    with engine.connect() as conn:
        delivery = conn.execute(
            text(
                "select delivery_id, submitter, status from intake.deliveries "
                "where file_name = 'sdg_fuzzy.csv' order by delivery_id desc limit 1"
            )
        ).one()
    accepted.append(delivery.delivery_id)
    assert result.exit_code == 0, result.output
    assert "aceptado, 1 fila(s) cargada(s), 1 aviso(s)" in result.output
    assert "Se interpretó como «Teusaquillo» (13)" in result.output
    assert (delivery.submitter, delivery.status) == ("enlace SDG", "aceptado")
