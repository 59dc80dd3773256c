"""Indicadores: the 'Personas distintas en el periodo' card equals marts.person_count and only
appears for an indicator with person-level data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from warehouse.formatting import format_number

from .helpers import settle

CODE = "UTA1_MUJER_ATENDIDAS"
JAN, MAY = date(2024, 1, 1), date(2024, 5, 1)


def _person_count(engine, start, end, localities=None):
    with engine.connect() as conn:
        return conn.execute(
            text("select * from marts.person_count(:c, :s, :e, cast(:l as text[]))"),
            {"c": CODE, "s": start, "e": end, "l": localities},
        ).one()


@pytest.mark.browser
def test_persons_card_shows_distinct_persons(page, app_url, built_warehouse, artifacts_dir):
    expected = _person_count(built_warehouse, JAN, MAY)
    page.goto(app_url + f"/indicadores?indicador={CODE}")
    page.wait_for_selector("#ind-persons")
    settle(page)
    assert page.inner_text("#ind-persons") == format_number(expected.distinct_persons)
    card = page.locator(".kpi-card", has=page.locator("#ind-persons")).inner_text()
    assert "Personas distintas en el periodo" in card
    assert f"frente a {format_number(expected.person_months)} personas-mes" in card
    assert "una sola vez" in card and "seudonimizado" in card
    # The period's card (sum of the monthly figures) and the persons card differ.
    assert page.inner_text("#ind-kpi") == format_number(expected.person_months)
    page.screenshot(path=str(artifacts_dir / "indicadores_personas_distintas.png"), full_page=False)

    chosen = _person_count(built_warehouse, date(2024, 2, 1), date(2024, 4, 1), ["08", "11"])
    page.goto(
        app_url + f"/indicadores?indicador={CODE}&localidad=08,11&desde=2024-02&hasta=2024-04"
    )
    page.wait_for_selector("#ind-persons")
    settle(page)
    assert page.inner_text("#ind-persons") == format_number(chosen.distinct_persons)
    assert chosen.distinct_persons < expected.distinct_persons

    page.goto(app_url + "/indicadores?indicador=UTA1_SDIS_REFERENCIADOS")
    page.wait_for_selector("#ind-kpi")
    settle(page)
    assert page.locator("#ind-persons").count() == 0
