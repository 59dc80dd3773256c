"""The portal's services on the warehouse: who delivers for which entity, reviews, the audit
log and the build queue (warehouse/delivery.py, reviews.py, audit.py, build_queue.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from warehouse import audit, build_queue, delivery, reviews
from warehouse.users import User

from .conftest import indicator_csv

EDITOR = User(9001, "enlace.servicio@prueba.gov.co", "editor", "SDMUJER", True)
ADMIN = User(9002, "admin.servicio@prueba.gov.co", "admin", None, True)
READER = User(9003, "lector.servicio@prueba.gov.co", "lector", None, True)


def test_an_editor_delivers_for_their_own_entity_only(built_warehouse, checksum):
    with pytest.raises(delivery.DeliveryRefused):
        delivery.deliver(built_warehouse, "x.csv", indicator_csv("SDMUJER", "2025-03", 5), READER)
    with pytest.raises(delivery.DeliveryRefused, match="Elija la entidad"):
        delivery.deliver(built_warehouse, "x.csv", indicator_csv("SDMUJER", "2025-03", 5), ADMIN)
    before = checksum(built_warehouse)
    # the browser may say SDP: an editor's entity is their user's, whatever is sent
    outcome = delivery.deliver(
        built_warehouse, "sdp.csv", indicator_csv("SDP", "2025-03", 7), EDITOR, entity="SDP"
    )
    assert outcome.result.status == "rechazado" and outcome.entity == "SDMUJER"
    assert "SDP" in outcome.refused_reason and "No se cargó nada" in outcome.refused_reason
    assert checksum(built_warehouse) == before
    with built_warehouse.connect() as conn:
        archived = conn.execute(
            text(
                "select status, entity_code, submitter from intake.deliveries "
                "where delivery_id = :d"
            ),
            {"d": outcome.result.delivery_id},
        ).one()
    assert tuple(archived) == ("rechazado", "SDMUJER", EDITOR.email)
    events = audit.events(built_warehouse, email=EDITOR.email)
    assert "entrega rehusada (otra entidad)" in set(events["event"])


def test_accepted_delivery_is_received_then_returned_then_validated(built_warehouse):
    outcome = delivery.deliver(
        built_warehouse, "mujer_2025-03.csv", indicator_csv("SDMUJER", "2025-03", 41), EDITOR
    )
    assert outcome.accepted, outcome.result.problems
    assert outcome.months == ["2025-03-01"] and outcome.indicators == ["UTA1_MUJER_ATENDIDAS"]
    delivery_id = outcome.result.delivery_id
    mine = reviews.history(built_warehouse, "SDMUJER")
    row = mine[mine["delivery_id"] == delivery_id].iloc[0]
    assert row["review_state"] == "recibido"
    with pytest.raises(reviews.ReviewError):
        reviews.review(built_warehouse, delivery_id, "validado", "", EDITOR)
    with pytest.raises(reviews.ReviewError, match="motivo"):
        reviews.review(built_warehouse, delivery_id, "devuelto", "  ", ADMIN)
    reviews.review(built_warehouse, delivery_id, "devuelto", "Falta Bosa.", ADMIN)
    row = reviews.history(built_warehouse, "SDMUJER").set_index("delivery_id").loc[delivery_id]
    assert (row["review_state"], row["review_reason"]) == ("devuelto", "Falta Bosa.")
    reviews.review(built_warehouse, delivery_id, "validado", "", ADMIN)
    row = reviews.history(built_warehouse, "SDMUJER").set_index("delivery_id").loc[delivery_id]
    assert row["review_state"] == "validado"
    log = audit.events(built_warehouse, email=ADMIN.email)
    assert {"entrega devuelto", "entrega validado"} <= set(log["event"])
    waiting = build_queue.latest(built_warehouse)
    assert waiting.state == "en cola"


def test_build_requests_are_debounced_into_one(built_warehouse):
    first = build_queue.request_build(built_warehouse, "a@b.co", "uno", debounce=60)
    second = build_queue.request_build(built_warehouse, "a@b.co", "dos", debounce=60)
    assert first == second
    assert build_queue.run_next(built_warehouse) is None  # not due yet


def test_problem_report_and_template_downloads(built_warehouse):
    bad = indicator_csv("SDMUJER", "2025-13", -4)
    outcome = delivery.deliver(built_warehouse, "malo.csv", bad, EDITOR)
    assert outcome.result.status == "rechazado" and outcome.result.errors
    name, data = reviews.problem_report(built_warehouse, outcome.result.delivery_id, EDITOR)
    assert name.endswith(".xlsx") and data[:2] == b"PK"
    other = User(9004, "otro@prueba.gov.co", "editor", "SDP", True)
    with pytest.raises(reviews.ReviewError):
        reviews.problem_report(built_warehouse, outcome.result.delivery_id, other)
    assert "indicator_values" in delivery.kinds_delivered_by("SDMUJER")
    assert "session_attendance" not in delivery.kinds_delivered_by("SDMUJER")
    name, data = delivery.template(built_warehouse, "indicator_values", EDITOR)
    assert name == "plantilla_indicator_values_SDMUJER.xlsx" and data[:2] == b"PK"
    assert "descarga" in set(audit.events(built_warehouse, email=EDITOR.email)["event"])
