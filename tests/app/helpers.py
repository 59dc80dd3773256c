"""Helpers of the browser tests: wait for Dash to settle, ask the marts directly, pick options."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from sqlalchemy import text

from warehouse.formatting import format_number

LOADING = "() => !!document.querySelector('[data-dash-is-loading=\"true\"]')"


def settle(page, timeout: int = 15000) -> None:
    """Wait until no request is in flight and no Dash component is loading. The loading check
    is polled from here with plain evaluate calls: Playwright's in-page polling
    (wait_for_function) was seen to stall on /entregar while the page itself kept drawing."""
    page.wait_for_load_state("networkidle", timeout=timeout)
    deadline = time.monotonic() + timeout / 1000
    while page.evaluate(LOADING):
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url}: a Dash component still loading after {timeout} ms")
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle", timeout=timeout)


def sql_figure(engine, code: str, start: date, end: date, localities=None, entity=None):
    """The figure straight from dbt's SQL function, bypassing the app's query layer."""
    with engine.connect() as conn:
        return conn.execute(
            text("select figure from marts.indicator_figure(:c, :s, :e, cast(:l as text[]), :ent)"),
            {"c": code, "s": start, "e": end, "l": localities, "ent": entity},
        ).scalar()


def headline_figure(engine, code: str, start: date, end: date, localities=None, entity=None):
    """The figure a KPI card shows: over the indicator's own window when the period is a
    cut-off and its source publishes late (marts.mart_indicator_cutoff_windows), else the period."""
    with engine.connect() as conn:
        window = conn.execute(
            text(
                "select window_start_month, window_end_month "
                "from marts.mart_indicator_cutoff_windows where indicator_code = :c "
                "and cutoff_start_month = :s and cutoff_end_month = :e"
            ),
            {"c": code, "s": start, "e": end},
        ).first()
    if window is not None:
        start, end = window
    return sql_figure(engine, code, start, end, localities, entity)


def shown(value: Decimal | None) -> str:
    return "Sin datos" if value is None else format_number(value)


def pick(page, dropdown_id: str, typed: str) -> None:
    """Choose an option of a Dash 4 dcc.Dropdown the way a person does: open, type, Enter.

    The dropdown moves focus to its search box a moment after it opens (later still under load),
    so keystrokes sent right after the click can be lost: the text goes into the search box
    itself, and Enter is pressed there once the list shows the option.
    """
    page.click(f"#{dropdown_id}")
    search = page.locator(".dash-dropdown-content .dash-dropdown-search")
    search.fill(typed)
    # Enter picks the first option: wait until the search has filtered the list.
    page.wait_for_function(
        "(typed) => { const o = document.querySelector("
        "'.dash-dropdown-content .dash-dropdown-option');"
        " return o && o.innerText.toLowerCase().includes(typed.toLowerCase()); }",
        arg=typed,
    )
    search.press("Enter")
    page.keyboard.press("Escape")  # a multi-select stays open after Enter
    page.locator(".dash-dropdown-content").wait_for(state="detached")
    settle(page)


def scalar(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()
