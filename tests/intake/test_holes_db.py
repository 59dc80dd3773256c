"""Issue 11 on a private copy of the demo warehouse: a delivery always has its entity (a
constraint says so), supersession only replaces the same entity's deliveries, and jumps are
measured against the entity's earlier deliveries."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from intake.snapshots import warehouse_snapshot
from warehouse.intake.loader import load_file
from warehouse.schema import ensure_schema


def _write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _latest(conn, entity: str):
    return conn.execute(
        text(
            "select r.indicador, r.mes, max(r.batch_id) as batch_id from raw.indicator_values r "
            "join intake.deliveries d on d.delivery_id = r.batch_id "
            "where d.entity_code = :e and d.status = 'aceptado' "
            "and r.localidad_codigo = '11' and coalesce(r.sexo, '') = '' "
            "and coalesce(r.grupo_edad, '') = '' group by 1, 2 order by 2 desc limit 1"
        ),
        {"e": entity},
    ).one()


def test_other_entitys_row_is_refused_and_nothing_of_theirs_is_replaced(
    private_warehouse, tmp_path
):
    engine = private_warehouse
    with engine.connect() as conn:
        sdp = _latest(conn, "SDP")
    month = sdp.mes.strftime("%Y-%m")
    before = warehouse_snapshot(engine)
    path = _write(
        tmp_path,
        "SDG_con_fila_de_SDP.csv",
        "entidad;indicador;localidad;mes;valor",
        f"SDG;UTA1_INTEGRATE_ORIENTACIONES;Suba;{month};10",
        f"SDP;{sdp.indicador};Suba;{month};1",
    )
    result = load_file(engine, path)
    assert result.status == "rechazado"
    assert any(p.row == 3 and p.value == "SDP" for p in result.errors)
    assert warehouse_snapshot(engine) == before
    with engine.connect() as conn:
        entity, status = conn.execute(
            text("select entity_code, status from intake.deliveries where delivery_id = :d"),
            {"d": sdp.batch_id},
        ).one()
        archived = conn.execute(
            text("select entity_code from intake.deliveries where delivery_id = :d"),
            {"d": result.delivery_id},
        ).scalar_one()
    assert (entity, status) == ("SDP", "aceptado") and archived == "SDG"


def test_every_accepted_delivery_has_its_entity_and_the_constraint_holds(private_warehouse):
    engine = private_warehouse
    ensure_schema(engine)  # idempotent on a warehouse that already has the constraint
    with engine.connect() as conn:
        missing = conn.execute(
            text(
                "select count(*) from intake.deliveries where status <> 'rechazado' "
                "and kind is not null and entity_code is null"
            )
        ).scalar_one()
        attendance = (
            conn.execute(
                text(
                    "select distinct entity_code from intake.deliveries "
                    "where kind = 'session_attendance'"
                )
            )
            .scalars()
            .all()
        )
    assert missing == 0 and attendance == ["SDG"]
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "insert into intake.deliveries (file_name, file_sha256, file_size, content, "
                "kind, status) values ('x.csv', 'x', 0, '', 'indicator_values', 'aceptado')"
            )
        )


def test_jump_against_the_entitys_earlier_delivery_is_a_warning(private_warehouse, tmp_path):
    engine = private_warehouse
    with engine.connect() as conn:
        sdg = _latest(conn, "SDG")
        previous = conn.execute(
            text(
                "select valor from raw.indicator_values where batch_id = :b and indicador = :i "
                "and mes = :m and localidad_codigo = '11' and coalesce(sexo, '') = '' "
                "and coalesce(grupo_edad, '') = ''"
            ),
            {"b": sdg.batch_id, "i": sdg.indicador, "m": sdg.mes},
        ).scalar_one()
    month = sdg.mes.month % 12 + 1
    year = sdg.mes.year + (sdg.mes.month == 12)
    jumped = int(previous) * 50 + 200
    path = _write(
        tmp_path,
        "SDG_salto.csv",
        "entidad;indicador;localidad;mes;valor",
        f"SDG;{sdg.indicador};Suba;{year}-{month:02d};{jumped}",
    )
    result = load_file(engine, path)
    assert result.status == "aceptado", [str(p) for p in result.problems]
    [warning] = result.warnings
    assert f"({int(previous)})" in warning.problem and sdg.mes.strftime("%Y-%m") in warning.problem
