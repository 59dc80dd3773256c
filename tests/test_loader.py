"""The loader lands accepted files with lineage, rejects bad ones whole, and archives both."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from warehouse.intake.loader import load_file


def _write(tmp_path: Path, name: str, body: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def _raw_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("select count(*) from raw.indicator_values")).scalar_one()


def test_accepts_file_with_lineage_and_is_idempotent(engine, tmp_path):
    path = _write(
        tmp_path,
        "sdg_ok.csv",
        "entidad;indicador;localidad;mes;valor\n"
        "SDG;UTA1_INTEGRATE_ORIENTACIONES;Usaquén;2023-03;1.214\n",
    )
    before = _raw_count(engine)
    result = load_file(engine, path)
    assert result.status == "aceptado" and result.row_count == 1
    with engine.connect() as conn:
        row = conn.execute(
            text("select * from raw.indicator_values where batch_id = :b"),
            {"b": result.delivery_id},
        ).one()
    assert row.valor == 1214 and row.file_name == "sdg_ok.csv" and len(row.file_sha256) == 64
    assert row.source_row == 2 and row.loaded_at is not None
    again = load_file(engine, path)
    assert again.status == "duplicado"
    assert _raw_count(engine) == before + 1


def test_rejected_file_changes_nothing_and_is_archived(engine, tmp_path):
    body = (
        "entidad,indicador,localidad,mes,valor\n"
        "SDG,UTA1_INTEGRATE_ORIENTACIONES,Bosa,2023-04,10\n"
        "SDG,UTA1_INTEGRATE_ORIENTACIONES,Suba,2023-04,diez\n"
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
