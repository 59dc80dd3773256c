"""No chart on any internal page can send its data to a third-party host: every Plotly chart
runs with the cloud, Chart Studio and link options off and shows no such modebar button, and no
page asks anything of a host other than this server."""

from __future__ import annotations

import pytest

from .helpers import settle

PAGES = (
    "/", "/indicadores", "/territorio", "/plan-de-accion", "/gobernanza", "/barreras",
    "/entidades", "/catalogo", "/calidad", "/publico", "/sesiones", "/entregar", "/auditoria",
)  # fmt: skip
CHART_OPTIONS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map((gd) => {
  const c = gd._context || {};
  const titles = Array.from(gd.querySelectorAll('.modebar-btn'))
    .map((b) => b.getAttribute('data-title') || '');
  return {
    cloud: !!c.showSendToCloud, studio: !!c.showEditInChartStudio, link: !!c.showLink,
    server: c.plotlyServerURL || '',
    buttons: titles.filter((t) => /cloud|studio|plotly/i.test(t)),
  };
})"""
SAFE = {"cloud": False, "studio": False, "link": False, "server": "", "buttons": []}


@pytest.mark.browser
def test_no_chart_on_any_page_can_send_data_out(page, app_url, built_warehouse):
    outside: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((app_url, "data:", "blob:")) else outside.append(r.url),
    )
    charts = 0
    for path in PAGES:
        page.goto(app_url + path)
        settle(page)
        for chart in page.evaluate(CHART_OPTIONS):
            assert chart == SAFE, (path, chart)
            charts += 1
    assert charts >= 10, "the walk found too few charts to mean anything"
    assert outside == []
