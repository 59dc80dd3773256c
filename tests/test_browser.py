"""Headless Chromium smoke test: the home page is served offline, styled, with the marts' figure.

The full browser suite of the dashboard lives in tests/app/."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import text

from warehouse.formatting import format_number


def test_resumen_page_styled_and_kpi_matches_marts(page, app_url, built_warehouse):
    external: list[str] = []
    page.on(
        "request", lambda req: None if req.url.startswith(app_url) else external.append(req.url)
    )
    page.goto(app_url + "/")
    page.wait_for_selector("#kpi-UTA1_SISBEN")
    navbar_bg = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).backgroundColor")
    # The local CSS is applied: the navbar's own darker blue (white links at 4,5:1 or more)
    assert navbar_bg == "rgb(10, 88, 202)"
    shown = page.inner_text("#kpi-UTA1_SISBEN")
    with built_warehouse.connect() as conn:
        expected = conn.execute(
            text("select figure from marts.indicator_figure('UTA1_SISBEN', :s, :e)"),
            {"s": date(2024, 1, 1), "e": date(2024, 5, 1)},
        ).scalar()
    assert shown == format_number(expected)
    assert re.fullmatch(r"[\d.]+", shown)
    assert external == [], f"the page fetched from the internet: {external}"
