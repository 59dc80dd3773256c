"""Global filters in the browser: figures equal the marts' SQL, the URL carries the state."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from warehouse.formatting import format_change, format_figure

from .helpers import headline_figure, pick, settle, shown, sql_figure

JAN, MAY = date(2024, 1, 1), date(2024, 5, 1)


def kpis(page) -> dict[str, str]:
    """Indicator code → figure text of every KPI card on the page."""
    return page.eval_on_selector_all(
        "[id^='kpi-UTA']:not([id$='-info'])",  # the card's figure, not its '?' button
        "els => Object.fromEntries(els.map(e => [e.id.slice(4), e.innerText]))",
    )


def assert_kpis_match(page, engine, start, end, localities=None, entity=None) -> int:
    shown_kpis = kpis(page)
    assert shown_kpis, "no KPI cards on the page"
    with engine.connect() as conn:
        ratio_per = dict(
            conn.execute(text("select indicator_code, ratio_per from marts.dim_indicator")).all()
        )
    for code, value in shown_kpis.items():
        expected = headline_figure(engine, code, start, end, localities, entity)
        per = ratio_per.get(code)
        want = shown(expected) if per is None else format_figure(expected, per)
        assert value == want, (code, value, expected)
    return len(shown_kpis)


@pytest.mark.browser
def test_resumen_defaults_to_the_cutoff_and_equals_the_marts(page, app_url, built_warehouse):
    page.goto(app_url + "/")
    page.wait_for_selector("#kpi-UTA1_SISBEN")
    settle(page)
    assert page.inner_text("#filter-from") == "ene 2024"
    assert page.inner_text("#filter-to") == "may 2024"
    assert assert_kpis_match(page, built_warehouse, JAN, MAY) >= 10
    # The deck's EPS figure is its own period: the source is a month late, so the enero–mayo
    # cut-off reports the enero–abril average, and the card says so.
    assert kpis(page)["UTA2_EPS_AFILIADOS"] == "259.570"
    eps_card = page.locator("#kpi-UTA2_EPS_AFILIADOS").locator("xpath=..").inner_text()
    assert "ene 2024 – abr 2024" in eps_card and "1 mes de rezago" in eps_card
    # Change vs the same months a year earlier (ene–may 2023), from the same SQL function.
    code = "UTA1_SDIS_REFERENCIADOS"
    card = page.locator(f"#kpi-{code}").locator("xpath=..")
    expected_change = format_change(
        sql_figure(built_warehouse, code, JAN, MAY),
        sql_figure(built_warehouse, code, date(2023, 1, 1), date(2023, 5, 1)),
    )
    assert expected_change, "the demo has 2023 data: a year-over-year change must show"
    assert expected_change in card.inner_text()
    with built_warehouse.connect() as conn:
        total = conn.execute(
            text(
                "select compliance_ratio from marts.mart_compliance_by_uta "
                "where cutoff_code = '2024-C1' and uta_code = 'UTA1'"
            )
        ).scalar()
    gauge = page.eval_on_selector("#gauge-UTA1 .js-plotly-plot", "el => el.data[0].value")
    assert gauge == pytest.approx(float(total) * 100)


@pytest.mark.browser
def test_filters_through_the_ui_update_url_and_figures(page, app_url, built_warehouse):
    page.goto(app_url + "/")
    page.wait_for_selector("#kpi-UTA1_SISBEN")
    settle(page)
    pick(page, "filter-locality", "Kennedy")
    page.wait_for_url("**localidad=08**")
    settle(page)
    assert "Localidad: Kennedy" in page.inner_text("#filter-chips")
    assert_kpis_match(page, built_warehouse, JAN, MAY, ["08"])

    pick(page, "filter-entity", "Integración")
    page.wait_for_url("**entidad=SDIS**")
    settle(page)
    shown_codes = set(kpis(page))
    with built_warehouse.connect() as conn:
        owned = set(
            conn.execute(
                text(
                    "select indicator_code from marts.dim_indicator "
                    "where entity_code = 'SDIS' and uta_code like 'UTA%'"
                )
            ).scalars()
        )
    assert shown_codes and shown_codes <= owned
    assert_kpis_match(page, built_warehouse, JAN, MAY, ["08"], "SDIS")

    # The removable chip is a link to the same view without that filter.
    page.click("#chip-entidad")
    page.wait_for_url(lambda url: "entidad=" not in url)
    settle(page)
    assert page.inner_text("#filter-entity") == "Todas las entidades"


@pytest.mark.browser
def test_url_round_trip_back_forward_and_copied_link(page, app_url, built_warehouse, new_context):
    link = "/?desde=2024-02&hasta=2024-04&localidad=08&uta=UTA2"
    page.goto(app_url + link)
    page.wait_for_selector("[id^='kpi-UTA2']")
    settle(page)
    assert page.inner_text("#filter-from") == "feb 2024"
    assert page.inner_text("#filter-to") == "abr 2024"
    assert "Kennedy" in page.inner_text("#filter-locality")
    assert "Desarrollo Humano" in page.inner_text("#filter-uta")
    assert page.query_selector("#uta-card-UTA1") is None  # the UTA filter hides the others
    first = assert_kpis_match(page, built_warehouse, date(2024, 2, 1), date(2024, 4, 1), ["08"])
    assert first > 0

    pick(page, "filter-period", "Corte ene")
    page.wait_for_url("**desde=2024-01&hasta=2024-05**")
    settle(page)
    assert "localidad=08" in page.url and "uta=UTA2" in page.url
    assert_kpis_match(page, built_warehouse, JAN, MAY, ["08"])
    after_url = page.url

    page.go_back()
    page.wait_for_url("**desde=2024-02**")
    # Dash reacts to popstate after the URL changes: wait for the filter, not only the network.
    expect(page.locator("#filter-from")).to_have_text("feb 2024", timeout=15000)
    settle(page)
    assert_kpis_match(page, built_warehouse, date(2024, 2, 1), date(2024, 4, 1), ["08"])
    page.go_forward()
    page.wait_for_url(after_url)
    expect(page.locator("#filter-from")).to_have_text("ene 2024", timeout=15000)
    settle(page)
    assert_kpis_match(page, built_warehouse, JAN, MAY, ["08"])

    other = new_context().new_page()  # a copied link reopens the same view (same user)
    other.goto(after_url)
    other.wait_for_selector("[id^='kpi-UTA2']")
    settle(other)
    assert kpis(other) == kpis(page)
    other.close()


@pytest.mark.browser
def test_hostile_query_string_falls_back_with_a_notice(page, app_url, built_warehouse):
    page.goto(
        app_url + "/?desde=%3Cscript%3Ealert(1)%3C/script%3E&localidad=../../etc"
        "&entidad=SDG%27%20or%201=1--&uta=UTA1&uta=UTA2"
    )
    page.wait_for_selector("#filter-notice")
    settle(page)
    notice = page.inner_text("#filter-notice")
    assert "no son válidos" in notice and "localidad" in notice and "entidad" in notice
    body = page.inner_text("body")
    assert "Traceback" not in body and "<script>" not in body
    assert_kpis_match(page, built_warehouse, JAN, MAY)


@pytest.mark.browser
def test_presentation_mode_for_the_projector(new_context, app_url, artifacts_dir):
    context = new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(app_url + "/")
    page.wait_for_selector("#kpi-UTA1_SISBEN")
    settle(page)
    normal = page.eval_on_selector(
        "#kpi-UTA1_SISBEN", "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    page.click("#presentation-toggle")
    page.wait_for_url("**presentacion=1**")
    settle(page)
    assert "presentation" in page.get_attribute("#shell-root", "class")
    page.wait_for_selector("#filter-locality", state="hidden")  # filters collapsed
    big = page.eval_on_selector("#kpi-UTA1_SISBEN", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert big > normal
    page.screenshot(path=str(artifacts_dir / "resumen_presentacion_1920.png"))
    page.click("#filters-toggle")
    page.wait_for_selector("#filter-locality", state="visible")
    context.close()


@pytest.mark.browser
def test_hostile_page_keys_and_unknown_paths_stay_in_spanish(page, app_url, built_warehouse):
    page.goto(app_url + "/indicadores?indicador=%3Cimg%20src=x%3E&grano=siglo")
    page.wait_for_selector("#ind-kpi")
    settle(page)
    with built_warehouse.connect() as conn:
        first = conn.execute(
            text("select indicator_code from marts.dim_indicator order by sort_order limit 1")
        ).scalar()
    assert page.inner_text("#ind-kpi") == shown(sql_figure(built_warehouse, first, JAN, MAY))
    assert page.is_checked("#ind-grain input[value='mes']")
    page.goto(app_url + "/no-existe")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Página no encontrada"
