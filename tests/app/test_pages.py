"""Headless Chromium opens every page offline, in Spanish, styled, with a screenshot each."""

from __future__ import annotations

import pytest

from .helpers import settle

PAGES = [
    ("/", "resumen", "Resumen"),
    ("/indicadores", "indicadores", "Indicadores"),
    ("/territorio?localidad=08", "territorio", "Territorio"),
    ("/plan-de-accion", "plan_de_accion", "Plan de acción"),
    ("/gobernanza", "gobernanza", "Comité y gobernanza"),
    ("/barreras", "barreras", "Barreras y avances"),
    ("/entidades?entidad=SDG", "entidades", "Entidades"),
    ("/catalogo", "catalogo", "Catálogo de indicadores"),
    ("/calidad", "calidad", "Calidad de datos"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "name", "title"), PAGES, ids=[p[1] for p in PAGES])
def test_page_renders_offline_without_errors(page, app_url, artifacts_dir, path, name, title):
    external: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(app_url) else external.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(app_url + path)
    page.wait_for_selector("h1")
    settle(page)
    assert page.inner_text("h1") == title
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body
    # Every chart is rendered (no Plotly placeholder left) and in Spanish.
    for graph in page.query_selector_all(".js-plotly-plot"):
        assert graph.query_selector(".main-svg") is not None
    # Scroll through once so lazily painted parts (data grids) are drawn in the screenshot.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=True)
    grids = page.query_selector_all(".ag-root-wrapper")
    if grids:  # full-page captures skip virtualised grid rows: keep one of the first table too
        grids[0].scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        grids[0].screenshot(path=str(artifacts_dir / f"{name}_tabla.png"))
    assert external == [], f"the page fetched from the internet: {external}"
    assert errors == [], errors


@pytest.mark.browser
def test_styles_are_local_bootstrap_and_dash_components_follow_it(page, app_url):
    page.goto(app_url + "/")
    page.wait_for_selector("#filter-locality")
    settle(page)
    navbar_bg = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).backgroundColor")
    # Bootstrap's primary, darkened by tablero.css for 4,5:1 contrast: the local CSS is applied
    assert navbar_bg == "rgb(10, 88, 202)"
    accent = page.evaluate(
        "() => getComputedStyle(document.querySelector('#filter-locality'))"
        ".getPropertyValue('--Dash-Fill-Interactive-Strong').trim()"
    )
    assert accent.lower() == "#0d6efd"  # Dash 4's accent mapped to Bootstrap's primary
    assert page.inner_text("#filter-locality") == "Todo el Distrito"
    assert page.evaluate("() => (window.PlotlyLocales || []).length + (window.Plotly ? 1 : 0)") > 0
