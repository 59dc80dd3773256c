"""The banner says when the dashboard is behind its intake: a failed build, accepted deliveries
not in the marts yet (marts.mart_build_status, a live view), and says nothing when it is current."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from .helpers import settle


@pytest.fixture
def failed_build_and_pending_delivery(built_warehouse):
    """A finished failed build and an accepted delivery after the last successful build, as
    safe_build and the loader record them; removed afterwards, leaving the warehouse as it was."""
    with built_warehouse.begin() as conn:
        build_id = conn.execute(
            text(
                "insert into intake.builds (finished_at, succeeded, failures) "
                "values (now(), false, '[\"prueba\"]') returning build_id"
            )
        ).scalar_one()
        delivery_id = conn.execute(
            text(
                "insert into intake.deliveries (file_name, file_sha256, file_size, content, kind, "
                "entity_code, status, row_count) values ('prueba.csv', 'prueba', 1, '', "
                "'indicator_values', 'SDG', 'aceptado', 1) returning delivery_id"
            )
        ).scalar_one()
    yield
    with built_warehouse.begin() as conn:
        conn.execute(
            text("delete from intake.deliveries where delivery_id = :d"), {"d": delivery_id}
        )
        conn.execute(text("delete from intake.builds where build_id = :b"), {"b": build_id})


@pytest.mark.browser
def test_banner_is_quiet_when_the_marts_are_current(page, app_url, built_warehouse):
    with built_warehouse.connect() as conn:
        status = conn.execute(text("select * from marts.mart_build_status")).mappings().one()
    assert status["pending_deliveries"] == 0 and not status["last_attempt_failed"]
    page.goto(app_url + "/")
    page.wait_for_selector("#freshness-banner")
    settle(page)
    assert page.query_selector("#behind-notice") is None


@pytest.mark.browser
def test_banner_warns_of_a_failed_build_and_pending_deliveries(
    page, app_url, built_warehouse, failed_build_and_pending_delivery, artifacts_dir
):
    with built_warehouse.connect() as conn:
        status = conn.execute(text("select * from marts.mart_build_status")).mappings().one()
    assert status["last_attempt_failed"] and status["pending_deliveries"] == 1
    page.goto(app_url + "/")
    page.wait_for_selector("#behind-notice")
    notice = page.inner_text("#behind-notice")
    assert "La última actualización del almacén falló" in notice
    assert "1 entrega aceptada aún no aparece en el tablero" in notice
    page.locator("#freshness-banner").screenshot(path=str(artifacts_dir / "aviso_retraso.png"))
