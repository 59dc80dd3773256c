"""A light first load: the partial Plotly holds every trace type the app draws, Dash serves it
where dcc.Graph fetches plotly.js, and dash-ag-grid's code loads only on pages with a grid."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
import pytest
from plotly.basedatatypes import BaseTraceType
from plotly.offline import get_plotlyjs_version

from dash_app import bundles

from .helpers import settle

ROOT = Path(__file__).resolve().parents[2]
HOST = {"Host": "127.0.0.1"}
# A trace built as go.Bar(...) / go.Choropleth(...), or added as a dict with its "type".
TRACE_CALL = re.compile(r"\bgo\.([A-Z]\w*)\(")
TRACE_DICT = re.compile(r"[\"']type[\"']\s*:\s*[\"'](\w+)[\"']|\btype\s*=\s*[\"'](\w+)[\"']")


def _bundled_traces() -> set[str]:
    text = bundles.PLOTLY_BUNDLE.read_text(encoding="utf-8")
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', text))


def _traces_the_app_builds() -> set[str]:
    """Every trace type named in dash_app/ (pages, public page, session slides, figures)."""
    classes = {name: getattr(go, name) for name in go.__all__}  # lazily imported module
    every_trace = {
        name: cls
        for name, cls in classes.items()
        if isinstance(cls, type) and issubclass(cls, BaseTraceType)
    }
    known = {cls().type for cls in every_trace.values()}
    found = set()
    for path in (ROOT / "dash_app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= {every_trace[n]().type for n in TRACE_CALL.findall(source) if n in every_trace}
        found |= {t for pair in TRACE_DICT.findall(source) for t in pair if t in known}
    return found


def test_the_bundle_holds_every_trace_type_the_app_draws():
    used = _traces_the_app_builds()
    assert {"bar", "choropleth", "indicator", "scatter"} <= used  # the scan finds them
    assert used <= _bundled_traces(), used - _bundled_traces()
    assert "scattergl" not in _bundled_traces()  # and it is partial


XML_NAMESPACES = {
    "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg",
    "http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace",
}  # fmt: skip


def test_the_bundle_refers_to_no_internet_address():
    """Offline-first: plotly.js's defaults that point at its servers (topojson CDN, send to
    cloud, the logo's link) were rewritten by plotly_bundle/offline.mjs; only the XML namespace
    names the DOM needs remain."""
    code = bundles.PLOTLY_BUNDLE.read_text(encoding="utf-8")
    addresses = set(re.findall(r"https?://[^\s\"'`)<>\\]*", code))
    assert addresses <= XML_NAMESPACES, addresses - XML_NAMESPACES
    assert 'dflt:"/assets/topojson/"' in code  # geo data from the app's assets


def test_the_bundle_is_the_plotly_js_of_the_installed_plotly():
    """A plotly upgrade (figures written for another plotly.js) needs a rebuilt bundle."""
    head = bundles.PLOTLY_BUNDLE.read_text(encoding="utf-8")[:300]
    assert f"plotly.js v{get_plotlyjs_version()} " in head


def test_graphs_get_the_partial_bundle_where_dcc_fetches_plotly(internal_app, users, login):
    client = login(internal_app, *users["lector"])
    response = client.get("/" + bundles.DCC_PLOTLY_PATH, headers=HOST)
    assert response.status_code == 200
    assert response.data == bundles.PLOTLY_BUNDLE.read_bytes()
    assert response.mimetype.endswith("javascript")
    again = client.get(
        "/" + bundles.DCC_PLOTLY_PATH, headers={**HOST, "If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304


def test_the_grid_code_is_not_a_script_of_every_page(internal_app, users, login):
    client = login(internal_app, *users["lector"])
    index = client.get("/", headers=HOST).get_data(as_text=True)
    assert "dash_ag_grid.min.js" not in index
    assert "/assets/lazy-grid.js" in index
    grid = client.get("/_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js", headers=HOST)
    assert grid.status_code == 200 and b"window.dash_ag_grid" in grid.data


def _traces_drawn(page) -> list[list]:
    """[type, registered] of every trace of every chart on the page."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap("
        "gd => (gd._fullData || []).map(t => [t.type, Boolean(t._module)]))"
    )


@pytest.mark.browser
def test_resumen_loads_no_grid_code_and_the_grid_pages_still_draw_theirs(page, app_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(app_url + "/")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    settle(page)
    drawn = _traces_drawn(page)
    assert drawn and all(ok for _, ok in drawn), drawn
    assert not [u for u in requested if "dash_ag_grid" in u]
    plotly_js = [u for u in requested if "plotly" in u and u.endswith(".js")]
    assert plotly_js and all("plotly-locale-es" in u or "plotly.min.js" in u for u in plotly_js)
    assert page.evaluate("() => 'scattergl' in window.Plotly.PlotSchema.get().traces") is False
    # From the menu (no reload) to a page with a grid: the grid's code arrives and draws rows.
    page.click("a.nav-link[href^='/indicadores']")
    page.wait_for_selector(".ag-root-wrapper .ag-row", timeout=15000)
    settle(page)
    assert [u for u in requested if "dash_ag_grid.min.js" in u]
    assert page.evaluate("() => typeof window.dash_ag_grid.getApi") == "function"  # the real one


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/gobernanza", "/plan-de-accion", "/territorio?localidad=08"])
def test_every_chart_of_the_page_has_its_trace_type(page, app_url, path):
    """Scatter (gobernanza), indicator (plan de acción), choropleth (territorio), bars."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in {"error", "warning"} else None)
    page.goto(app_url + path)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    settle(page)
    drawn = _traces_drawn(page)
    assert drawn and all(ok for _, ok in drawn), drawn
    assert not [e for e in errors if "trace type" in e.lower() or "plotly" in e.lower()], errors


@pytest.mark.browser
def test_a_grid_page_opened_directly_draws_its_grid(page, app_url):
    page.goto(app_url + "/publico")
    page.wait_for_selector(".ag-root-wrapper .ag-row", timeout=15000)
    settle(page)
    assert page.query_selector_all(".js-plotly-plot") == []  # no chart: Plotly never loads
    assert page.evaluate("() => typeof window.Plotly") == "undefined"
