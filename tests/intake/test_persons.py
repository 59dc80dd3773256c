"""Person-level exports: document numbers are pseudonymised (HMAC) before anything is stored,
dbt counts distinct persons by locality and month, and no raw number reaches the database,
the archive, the error reports, the CLI output or the dbt logs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.dbt_runner import safe_build
from warehouse.intake.loader import load_file
from warehouse.intake.pseudonym import pseudonymise
from warehouse.secrets import pseudonym_key
from warehouse.settings import get_settings

NUMBERS = ["1020304050", "987654321", "52123456", "7788990011"]
runner = CliRunner()


def _good_file(tmp_path: Path) -> Path:
    path = tmp_path / "SDS_personas_2024-03.csv"
    path.write_text(
        "entidad;indicador;localidad;mes;tipo_documento;numero_documento\n"
        "SDS;UTA2_EPS_AFILIADOS;Kennedy;2024-03;PPT;1020304050\n"
        "SDS;UTA2_EPS_AFILIADOS;Bosa;2024-03;PPT;1.020.304.050\n"
        "SDS;UTA2_EPS_AFILIADOS;Kennedy;2024-03;CC;987654321\n"
        "SDS;UTA2_EPS_AFILIADOS;Bosa;2024-03;PEP;52123456\n"
        "SDS;UTA2_EPS_AFILIADOS;Suba;2024-03;pep;52 123 456\n",
        encoding="utf-8",
    )
    return path


def _bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "SDS_personas_2024-04.csv"
    path.write_text(
        "entidad;indicador;localidad;mes;tipo_documento;numero_documento\n"
        "SDS;UTA2_EPS_AFILIADOS;Kennedy;2024-04;CEDULA;7788990011\n"
        "SDS;UTA2_EPS_AFILIADOS;Kennedy;2024-04;7788990011;CC\n",
        encoding="utf-8",
    )
    return path


def test_person_level_file_is_pseudonymised_and_counted(
    private_warehouse, tmp_path: Path, database_text_hits
):
    engine = private_warehouse
    cli = runner.invoke(app, ["load", str(_good_file(tmp_path))])
    assert cli.exit_code == 0, cli.output
    rejected = load_file(engine, _bad_file(tmp_path))
    assert rejected.status == "rechazado"
    check = runner.invoke(app, ["check", str(_bad_file(tmp_path))])
    assert check.exit_code == 1 and "Tipo de documento desconocido" in check.output
    assert safe_build().success

    key = pseudonym_key()
    with engine.connect() as conn:
        columns = conn.execute(
            text(
                "select column_name from information_schema.columns "
                "where table_schema = 'raw' and table_name = 'person_services'"
            )
        ).scalars()
        assert "numero_documento" not in set(columns)
        stored = set(
            conn.execute(text("select persona_seudonimo from raw.person_services")).scalars()
        )
        counts = {
            (r.locality_code, r.is_total): r.distinct_persons
            for r in conn.execute(
                text(
                    "select locality_code, is_total, distinct_persons from marts.fct_person_counts "
                    "where indicator_code = 'UTA2_EPS_AFILIADOS' and period_month = '2024-03-01'"
                )
            )
        }
        archived = conn.execute(
            text("select content_kind, error_report from intake.deliveries where delivery_id = :d"),
            {"d": rejected.delivery_id},
        ).one()
        hits = {n: database_text_hits(conn, n) for n in NUMBERS}

    assert pseudonymise("PPT", "1020304050", key) in stored
    assert pseudonymise("PEP", "52123456", key) in stored
    # Kennedy {A, B}, Bosa {A, C}, Suba {C}; the district counts A, B and C once each.
    assert counts == {("08", False): 2, ("07", False): 2, ("11", False): 1, ("00", True): 3}
    assert archived.content_kind == "seudonimizado" and archived.error_report
    assert hits == {n: [] for n in NUMBERS}
    outputs = cli.output + check.output + str([str(p) for p in rejected.problems])
    logs = get_settings().dbt_target_dir / "logs"
    log_text = "".join(p.read_text(errors="ignore") for p in logs.rglob("*") if p.is_file())
    assert log_text  # the dbt logs exist and were searched
    for number in NUMBERS:
        assert number not in outputs and number not in log_text
