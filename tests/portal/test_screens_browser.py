"""Every screen, every device, on the portal's pages and the shell: axe finds no serious or
critical violation on /entregar and /auditoria, nothing scrolls sideways from 360 to 1920 px,
the admin's thirteen links fit one line at 1366 px, the audit log takes Spanish dates and reads as
cards on a phone, every chart carries its data table, the «solo validados» switch works."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect


def settle(page, timeout: int = 15000) -> None:
    """No request in flight and no Dash component loading (as tests/app/helpers.py)."""
    page.wait_for_load_state("networkidle", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=timeout
    )
    page.wait_for_load_state("networkidle", timeout=timeout)


AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}
NO_HORIZONTAL_SCROLL = (
    "() => document.documentElement.scrollWidth <= window.innerWidth"
    " && document.body.scrollWidth <= window.innerWidth"
)
NOT_LOADING = "() => !document.querySelector('[data-dash-is-loading=\"true\"]')"
NAV_LINE_TOPS = """() => new Set([...document.querySelectorAll('#navbar-collapse a.nav-link')]
    .map((a) => Math.round(a.getBoundingClientRect().top))).size"""


def serious(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("size", [(360, 740), (1024, 768), (1366, 768), (1920, 1080)])
def test_portal_pages_through_the_menu_pass_axe_and_fit(new_context, app_url, size):
    """Reached through the menu (☰ below 1200 px), as a person would."""
    context = new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(app_url + "/")
    settle(page)
    for name, ready in (("Entregar", "#ent-history table"), ("Auditoría", "#aud-events")):
        if size[0] < 1200:
            page.locator("#navbar-toggler").click()
            page.locator("#navbar-collapse.show").wait_for()
        page.locator("#navbar-collapse a.nav-link", has_text=name).first.click()
        page.locator(ready).wait_for(timeout=60000)
        page.wait_for_function(NOT_LOADING, timeout=30000)
        assert page.evaluate(NO_HORIZONTAL_SCROLL), f"{name} {size}: desplazamiento horizontal"
        assert serious(page) == [], f"{name} {size}"
        if size[0] == 1366:  # the admin sees all thirteen links, on one line
            assert page.locator("#navbar-collapse a.nav-link").count() == 13
            assert page.evaluate(NAV_LINE_TOPS) == 1, "el menú ocupa dos líneas"
    context.close()


def test_audit_log_takes_spanish_dates_and_reads_as_cards_on_a_phone(new_context, app_url):
    context = new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(app_url + "/auditoria")
    settle(page)
    start = page.locator("#aud-from")
    expect(start).to_have_attribute("placeholder", "dd/mm/aaaa")
    start.fill("01/01/2000")
    start.press("Enter")
    cell = page.locator("#aud-events td").first
    expect(cell).to_be_visible()
    expect(cell).to_have_css("display", "block")  # a card line, labelled
    expect(cell).to_have_attribute("data-label", "N.º")
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    start.fill("31/12/2999")
    start.press("Enter")
    expect(page.get_by_text("Ningún evento con esos filtros.")).to_be_visible()
    context.close()


def test_charts_have_data_tables_and_the_validated_switch_works(page, app_url):
    page.goto(app_url + "/indicadores")
    settle(page)
    charts = page.locator("[role=figure][aria-label^='Gráfica: ']")
    expect(charts.first).to_be_visible()
    assert charts.locator("details.chart-data").count() == charts.count() >= 2
    charts.locator("details.chart-data summary").first.click()
    expect(charts.locator("details.chart-data table").first).to_be_visible()
    switch = page.locator("#filter-validated")
    expect(switch).not_to_be_checked()
    switch.check()
    page.wait_for_url("**validados=1**")
    settle(page)
    expect(page.locator("#filter-validated")).to_be_checked()
    page.goto(app_url + "/indicadores?presentacion=1")  # presenters: on by default
    settle(page)
    expect(page.locator("#filter-validated")).to_be_checked()
