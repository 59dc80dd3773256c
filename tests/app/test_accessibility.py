"""WCAG 2.1 AA with axe-core (bundled in axe-playwright-python, injected by page.evaluate: no
network, and the CSP is not loosened): no serious or critical violation on any page; labelled
dropdowns, named charts, navbar contrast."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from dash_app.auth.registry import INTERNAL, page_roles
from dash_app.components.navbar import PAGES

from .helpers import settle

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}
# The dashboard's pages (every role sees them); the entity portal and the audit log have their
# own tests (they poll, and only some roles see them).
DASHBOARD = [(path, name) for path, name in PAGES if (page_roles(path, False) or set()) >= INTERNAL]


def serious(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", [path for path, _ in DASHBOARD])
def test_no_serious_or_critical_violation(page, app_url, path):
    page.goto(app_url + path)
    settle(page)
    assert serious(page) == []


def test_dropdowns_are_named_by_their_label(page, app_url):
    page.goto(app_url + "/")
    settle(page)
    page.wait_for_function(
        "() => (document.getElementById('filter-locality')"
        ".getAttribute('aria-labelledby') || '').startsWith('filter-locality-label')"
    )
    name = page.get_by_role("combobox", name="Localidad").or_(
        page.get_by_role("button", name="Localidad")
    )
    assert name.count() >= 1


def test_charts_have_accessible_names(page, app_url):
    page.goto(app_url + "/indicadores")
    settle(page)
    charts = page.locator("[role=figure][aria-label^='Gráfica: ']")
    assert charts.count() >= 2
    assert page.locator(".js-plotly-plot").count() == charts.count()


def test_no_serious_or_critical_violation_on_a_phone(new_context, app_url):
    """At 390 px the menu and the filters are folded: axe sees the shell as a phone user does,
    then with both open."""
    context = new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path, _ in DASHBOARD:
        page.goto(app_url + path)
        settle(page)
        assert serious(page) == [], path
    page.click("#navbar-toggler")
    page.locator("#navbar-collapse.show").wait_for()
    page.click("#filters-fold-toggle")
    page.locator("#filters-fold.show").wait_for()
    assert serious(page) == []
    context.close()
