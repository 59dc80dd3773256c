"""Every page through the menu at phone, projector and desktop sizes: the ☰ menu works, nothing
is wider than the screen or cut off, the filters fold on phones; screenshots in tests/artifacts."""

from __future__ import annotations

import pytest

from dash_app.auth.registry import INTERNAL, page_roles
from dash_app.components.navbar import PAGES

from .helpers import pick, settle

SIZES = {"phone": (390, 844), "projector": (1024, 768), "desktop": (1920, 1080)}

NO_HORIZONTAL_SCROLL = (
    "() => document.documentElement.scrollWidth <= window.innerWidth"
    " && document.body.scrollWidth <= window.innerWidth"
)
# Buttons and labels whose text is wider than their box (cut off), with their text.
CUT_OFF = """() => [...document.querySelectorAll(
    '.filter-bar button, .filter-bar label, .navbar a, .navbar button, .kpi-card .kpi-label')]
  .filter((e) => e.offsetParent !== null && !e.classList.contains('visually-hidden'))
  .filter((e) => e.scrollWidth > e.clientWidth + 1)
  .map((e) => e.innerText.trim())"""

# The dashboard's pages (every role sees them); the entity portal and the audit log have their
# own tests (they poll, and only some roles see them).
DASHBOARD = [(path, name) for path, name in PAGES if (page_roles(path, False) or set()) >= INTERNAL]


def open_menu(page, width: int) -> None:
    """Below 1200 px the pages are behind ☰."""
    if width >= 1200:
        return
    toggle = page.locator("#navbar-toggler")
    toggle.click()
    page.locator("#navbar-collapse.show").wait_for()
    assert toggle.get_attribute("aria-expanded") == "true"


def open_filters(page, width: int) -> None:
    """Below 768 px the filters are folded under «Filtros»."""
    if width >= 768:
        return
    page.locator("#filters-fold-toggle").click()
    page.locator("#filters-fold.show").wait_for()


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_through_the_menu(new_context, app_url, artifacts_dir, size):
    width, height = SIZES[size]
    context = new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(app_url + "/")
    settle(page)
    if width < 1200:
        assert not page.locator("#navbar-collapse a.nav-link").first.is_visible()
    if width < 768:
        assert not page.locator(f"#{'filter-reset'}").is_visible()  # folded
    for path, name in DASHBOARD:
        open_menu(page, width)
        page.locator("#navbar-collapse a.nav-link", has_text=name).first.click()
        page.wait_for_url(lambda url, path=path: url.split("?")[0].endswith(path))
        settle(page)
        if width < 1200:  # following a link closes the menu
            page.locator("#navbar-collapse.show").wait_for(state="detached")
        open_filters(page, width)
        assert page.locator("#filter-reset").is_visible()
        assert page.evaluate(NO_HORIZONTAL_SCROLL), f"{path}: desplazamiento horizontal"
        assert page.evaluate(CUT_OFF) == [], f"{path}: texto cortado"
        slug = path.strip("/") or "resumen"
        page.screenshot(path=str(artifacts_dir / f"responsive-{size}-{slug}.png"), full_page=True)
        if width < 768:
            page.locator("#filters-fold-toggle").click()
            page.locator("#filters-fold.show").wait_for(state="detached")
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_filters_reachable_at_every_size(new_context, app_url, size):
    width, height = SIZES[size]
    context = new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(app_url + "/indicadores")
    settle(page)
    open_filters(page, width)
    pick(page, "filter-locality", "Kennedy")
    page.wait_for_url("**localidad=08**")
    open_menu(page, width)
    page.locator("#navbar-collapse a.nav-link", has_text="Territorio").first.click()
    page.wait_for_url("**/territorio?**localidad=08**")
    settle(page)
    page.locator("#chip-localidad-08").wait_for()
    context.close()
