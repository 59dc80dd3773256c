"""Headless Chromium: the page is styled by local Bootstrap, offline, with the marts figure."""

from __future__ import annotations

import re
from datetime import date

from dash_app.data import indicators as marts
from dash_app.formatting import format_number


def test_resumen_page_styled_and_kpi_matches_marts(page, app_url, artifacts_dir):
    external: list[str] = []
    page.on(
        "request", lambda req: None if req.url.startswith(app_url) else external.append(req.url)
    )
    page.goto(app_url + "/")
    page.wait_for_selector("#kpi-value")
    navbar_bg = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).backgroundColor")
    assert navbar_bg == "rgb(13, 110, 253)"  # Bootstrap's primary: the local CSS is applied
    shown = page.inner_text("#kpi-value")
    months = marts.data_months()
    start, end = months["period_month"].iloc[0], months["period_month"].iloc[-1]
    code = marts.indicators()["indicator_code"].iloc[0]
    expected = marts.indicator_figure(code, start, end)
    assert shown == format_number(expected.value)
    assert re.fullmatch(r"[\d.]+", shown)
    page.screenshot(path=str(artifacts_dir / "resumen.png"), full_page=True)
    assert external == [], f"the page fetched from the internet: {external}"
    assert isinstance(start, date)
