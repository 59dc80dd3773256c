"""Action-plan and governance marts built by dbt from small hand-written exports, own database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from warehouse import db as warehouse_db
from warehouse.intake.loader import load_file
from warehouse.marts import barreras, gobernanza, plan_de_accion
from warehouse.settings import PROJECT_ROOT, Settings, get_settings

MEMBERS = [
    "SG",
    "SDG",
    "SDH",
    "SDP",
    "SDDE",
    "SED",
    "SDS",
    "SDIS",
    "SCRD",
    "SDA",
    "SDHT",
    "SDMUJER",
    "SDM",
    "SDSCJ",
    "IDIPRON",
    "IDPAC",
    "IPES",
    "IDIGER",
    "IDRD",
]

# name → (header, rows); loaded in this order, so later files are later deliveries.
FILES: list[tuple[str, str, list[str]]] = [
    (
        "SDG_estado_2024-C1.csv",
        "entidad,actividad,corte,estado,avance",
        [
            "SDG,UTA1-E01,2024-C1,Totalmente ejecutada,",
            "SDG,UTA1-E02,2024-C1,INICIADA,avance 40 %",
            "SDG,UTA1-I01,2024-C1,no iniciada,",
            "SDG,TRV-01,2024-C1,iniciada,",
            "SDG,TRV-02,2024-C1,No Iniciada,",
        ],
    ),
    (
        "SDP_estado_2024-C1.csv",
        "entidad,actividad,corte,estado,avance",
        [
            "SDP,UTA1-E03,2024-C1,iniciada,",
            "SDP,UTA1-E04,2024-C1,no iniciada,",
            "SDP,TRV-06,2024-C1,totalmente ejecutada,",
        ],
    ),
    (  # SDG re-delivers 2024-C1: UTA1-E02 is left out, UTA1-I01 and TRV-02 change.
        "SDG_estado_2024-C1_v2.csv",
        "entidad,actividad,corte,estado,avance",
        [
            "SDG,UTA1-E01,2024-C1,totalmente ejecutada,",
            "SDG,UTA1-I01,2024-C1,Iniciada,",
            "SDG,TRV-01,2024-C1,iniciada,",
            "SDG,TRV-02,2024-C1,iniciada,",
        ],
    ),
    (
        "SED_estado_2024-C2.csv",
        "entidad,actividad,corte,estado,avance",
        ["SED,UTA2-E04,2024-C2,iniciada,"],
    ),
    (
        "SDG_barreras_2024-C1.csv",
        "entidad,uta,corte,tipo,texto",
        [
            "SDG,UTA1,2024-C1,barrera,Falta de capacitación de los funcionarios en la atención",
            "SDG,UTA1,2024-C1,Actividad destacada,Operación del Centro Intégrate",
            "SDG,UTA3,2024-C1,barrera,Xenofobia en algunos territorios",
        ],
    ),
    (
        "SDG_asistencia_2024-06-20.csv",
        "fecha_sesion,entidad,asiste",
        [f"2024-06-20,{code},{'sí' if i < 10 else 'no'}" for i, code in enumerate(MEMBERS)],
    ),
    (  # Only 12 members listed, 9 attend: the 7 missing ones count as not attending.
        "SDG_asistencia_2024-09-19.csv",
        "fecha_sesion,entidad,asiste",
        [f"2024-09-19,{code},{'sí' if i < 9 else 'no'}" for i, code in enumerate(MEMBERS[:12])],
    ),
    (
        "SDG_madurez_2024-05.csv",
        "entidad,mes,criterio,calificacion,evidencia",
        [
            "SDG,2024-05,DER-01,ausente,",
            "SDG,2024-05,DER-02,parcial,",
            "SDG,2024-05,DER-03,ausente,",
            "SDG,2024-05,GOB-01,completo,Decreto 600 de 2023",
            "SDG,2024-05,GOB-02,Completo,",
            "SDG,2024-05,GOB-03,COMPLETO,",
        ],
    ),
    (  # A later delivery corrects DER-01 for the same month.
        "SDG_madurez_2024-05_v2.csv",
        "entidad,mes,criterio,calificacion,evidencia",
        ["SDG,2024-05,DER-01,completo,Circular de salud"],
    ),
]


@pytest.fixture(scope="module")
def scratch_warehouse(tmp_path_factory) -> Iterator[None]:
    """Own database with only the files above, built by dbt (action-plan and governance marts)."""
    from warehouse.dbt_runner import run_dbt
    from warehouse.schema import ensure_schema

    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "TABLERO_DBT_TARGET_DIR")}
    server_url = warehouse_db.resolve_url(Settings())
    name = f"tablero_test_ap_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    url = server_url.set(database=name).render_as_string(hide_password=False)
    os.environ["DATABASE_URL"] = url.replace("postgresql+psycopg", "postgresql")
    os.environ["TABLERO_DBT_TARGET_DIR"] = str(
        PROJECT_ROOT / "dbt_project" / "target" / "tests" / name
    )
    get_settings.cache_clear()
    try:
        engine = warehouse_db.get_engine()
        ensure_schema(engine)
        folder = tmp_path_factory.mktemp("action_plan_exports")
        for file_name, header, rows in FILES:
            path = folder / file_name
            path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
            result = load_file(engine, Path(path), submitter="test")
            assert result.status == "aceptado", result.message
        outcome = run_dbt(
            [
                "build",
                "--select",
                "+path:models/marts/action_plan",
                "+path:models/marts/governance",
                "path:tests/action_plan",
                "--indirect-selection",
                "cautious",
            ]
        )
        assert outcome.success, outcome.failures
        yield
    finally:
        get_settings.cache_clear()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


def _row(frame, uta_code: str) -> dict:
    rows = frame[frame["uta_code"] == uta_code].to_dict("records")
    assert len(rows) == 1, (uta_code, frame)
    return rows[0]


def test_redelivery_replaces_entity_cutoff_and_counts(scratch_warehouse):
    table = plan_de_accion.compliance_by_uta("2024-C1")
    assert list(table["uta_code"]) == ["UTA1", "UTA2", "UTA3", "TOTAL", "TRANSVERSAL"]
    uta1 = _row(table, "UTA1")
    # UTA1-E02 disappeared with SDG's re-delivery: E01, I01 (SDG) + E03, E04 (SDP) remain.
    assert (uta1["expected_activities"], uta1["reported_activities"]) == (20, 4)
    assert (uta1["entity_activities"], uta1["intersectoral_activities"]) == (13, 7)
    assert uta1["compliance_ratio"] == pytest.approx(4 / 20)
    assert (uta1["n_no_iniciada"], uta1["n_iniciada"], uta1["n_totalmente_ejecutada"]) == (1, 2, 1)
    assert uta1["reporting_entities"] == "Gobierno, Planeación"  # quorum order
    assert _row(table, "UTA2")["reported_activities"] == 0
    assert _row(table, "UTA2")["reporting_entities"] == ""
    total = _row(table, "TOTAL")
    assert (total["expected_activities"], total["reported_activities"]) == (48, 4)


def test_transversal_started_ratio(scratch_warehouse):
    transversal = _row(plan_de_accion.compliance_by_uta("2024-C1"), "TRANSVERSAL")
    assert transversal["expected_activities"] == 11
    assert transversal["reported_activities"] == 3
    # TRV-01 iniciada, TRV-02 iniciada (re-delivered), TRV-06 totalmente ejecutada.
    assert transversal["started_activities"] == 3
    assert transversal["started_ratio"] == pytest.approx(3 / 11)


def test_cutoffs_are_independent(scratch_warehouse):
    later = plan_de_accion.compliance_by_uta("2024-C2", "UTA2")
    assert later["reported_activities"].tolist() == [1]
    assert later["reporting_entities"].tolist() == ["Educación"]
    assert plan_de_accion.reporting_entities("2024-C1", "TOTAL") == ["Gobierno", "Planeación"]


def test_activity_filters_and_not_reported(scratch_warehouse):
    sdg = plan_de_accion.activities(cutoff_code="2024-C1", entity_code="SDG", reported=True)
    # SDG's own reports, plus TRV-06: reported by SDP, but SDG is one of its responsible entities.
    assert set(sdg["activity_code"]) == {"UTA1-E01", "UTA1-I01", "TRV-01", "TRV-02", "TRV-06"}
    assert sdg.set_index("activity_code").at["UTA1-I01", "status"] == "iniciada"
    missing = plan_de_accion.not_reported("2024-C1", "UTA1")
    assert len(missing) == 16
    assert "UTA1-E02" in set(missing["activity_code"])
    by_entity = plan_de_accion.compliance_by_entity("2024-C1", "UTA1").set_index("entity_code")
    assert by_entity.at["SDP", "expected_activities"] == 3  # E03, E04, I05
    assert by_entity.at["SDP", "reported_activities"] == 2


def test_barrier_search_ignores_case_and_accents(scratch_warehouse):
    found = barreras.barriers(search="CAPACITACION")
    assert found["item_text"].tolist() == [
        "Falta de capacitación de los funcionarios en la atención"
    ]
    highlighted = barreras.barriers(cutoff_code="2024-C1", item_kind="actividad destacada")
    assert highlighted["item_text"].tolist() == ["Operación del Centro Intégrate"]
    assert len(barreras.barriers(uta_code="UTA3")) == 1


def test_quorum_is_majority_of_members(scratch_warehouse):
    quorum = gobernanza.session_quorum().set_index("session_date")
    june, september = quorum.loc[date(2024, 6, 20)], quorum.loc[date(2024, 9, 19)]
    assert (june["member_entities"], june["attending_entities"], june["has_quorum"]) == (
        19,
        10,
        True,
    )
    assert (september["attending_entities"], september["has_quorum"]) == (9, False)
    listing = gobernanza.session_attendance(date(2024, 9, 19))
    assert len(listing) == 19
    assert listing["entity_code"].tolist() == MEMBERS  # quorum order
    assert not listing.set_index("entity_code").at["IDRD", "attended"]


def test_maturity_score_and_level(scratch_warehouse):
    maturity = gobernanza.maturity_by_domain(date(2024, 1, 1), date(2024, 12, 1))
    by_domain = maturity.set_index("domain_code")
    assert len(by_domain) == 6
    # DER-01 corrected to completo by the later delivery: (1 + 0,5 + 0) / 3 = 0,5.
    assert by_domain.at["DERECHOS", "score"] == pytest.approx(0.5)
    assert by_domain.at["DERECHOS", "level_code"] == "INTERMEDIO"
    assert by_domain.at["GOBIERNO_INTEGRAL", "score"] == pytest.approx(1)
    assert by_domain.at["GOBIERNO_INTEGRAL", "level_code"] == "AVANZADO"
    assert by_domain.at["CRISIS", "assessed_criteria"] == 0
    assert by_domain.at["CRISIS", "level_code"] == "INICIAL"


@pytest.mark.parametrize("spelling", ["2024-C1", "2024-c1", "Enero-Mayo 2024", "ENERO–MAYO 2024"])
def test_resolve_cutoff_by_code_or_name(scratch_warehouse, spelling):
    found = plan_de_accion.resolve_cutoff(spelling)
    assert found is not None and found.cutoff_code == "2024-C1"


def test_unknown_cutoff_resolves_to_none(scratch_warehouse):
    assert plan_de_accion.resolve_cutoff("marzo 2031") is None
