"""Datos públicos (/publico) in headless Chromium: district figures equal the SQL, withheld
cells read '< 10' / 'reservada', the download keeps them withheld, the cut-off selector works."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from warehouse.formatting import format_figure

from .helpers import pick, settle, shown

CUTOFF = "2024-C2"  # junio–agosto 2024: the demo has both primary and complementary cells here
URL = "/publico?desde=2024-06&hasta=2024-08"


def _rows(engine, sql: str, **params) -> list:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).mappings().all()


def _cell(page, code: str, locality: str) -> str:
    """The 'Cifra' cell of one locality's row, scrolled into the grid's view first."""
    page.evaluate(
        "async ([id, name]) => { const api = await dash_ag_grid.getApiAsync(id);"
        " api.forEachNode(n => { if (n.data.locality_label === name) api.ensureNodeVisible(n); });"
        " }",
        [f"pub-table-{code}", locality],
    )
    page.wait_for_timeout(200)
    row = page.locator(f"#pub-table-{code} .ag-center-cols-container .ag-row").filter(
        has=page.locator(".ag-cell[col-id=locality_label]", has_text=locality)
    )
    return row.locator(".ag-cell[col-id=figure]").inner_text().strip()


@pytest.mark.browser
def test_public_page_shows_district_figures_and_withholds_small_counts(
    page, app_url, built_warehouse, artifacts_dir
):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(app_url + URL)
    page.wait_for_selector("#pub-legend")
    settle(page)
    assert page.inner_text("h1") == "Datos públicos"
    assert "los filtros de localidad, entidad y UTA no aplican" in page.inner_text("body")
    assert "< 10" in page.inner_text("#pub-legend")

    # Every district figure shown equals dbt's own function over the indicator's window at the
    # cut-off, all localities (a lagged source such as EPS covers fewer months).
    totals = _rows(
        built_warehouse,
        "select p.indicator_code, p.ratio_per, (select figure from marts.indicator_figure("
        "p.indicator_code, p.window_start_month, p.window_end_month)) as figure "
        "from marts.mart_public_locality_figures p "
        "where p.cutoff_code = :cutoff and p.is_district_total and not p.is_suppressed",
        cutoff=CUTOFF,
    )
    assert totals
    sisben = next(r for r in totals if r["indicator_code"] == "UTA1_SISBEN")
    assert page.inner_text("#pub-total-UTA1_SISBEN") == shown(sisben["figure"])
    for r in totals:  # a derived ratio as such: '32,5 %', '0,6 por 1.000'
        expected = format_figure(r["figure"], r["ratio_per"]) if r["ratio_per"] else None
        assert page.inner_text(f"#pub-total-{r['indicator_code']}") == (
            expected or shown(r["figure"])
        )
    # The card says which months it covers: EPS, a month late, junio–julio in junio–agosto.
    assert "(jun 2024 – jul 2024)" in page.inner_text("#pub-note-UTA2_EPS_AFILIADOS")
    assert "(jun 2024 – ago 2024)" in page.inner_text("#pub-note-UTA1_SISBEN")

    # A primary-withheld locality reads '< 10'; the complementary one reads 'reservada'.
    withheld = _rows(
        built_warehouse,
        "select indicator_code, locality_name, suppression_reason "
        "from marts.mart_public_locality_figures where cutoff_code = :cutoff "
        "and is_suppressed and not is_district_total and locality_kind = 'localidad' "
        "order by indicator_sort_order, locality_sort_order",
        cutoff=CUTOFF,
    )
    primary = next(r for r in withheld if r["suppression_reason"] == "primaria")
    complementary = next(r for r in withheld if r["suppression_reason"] == "complementaria")
    assert _cell(page, primary["indicator_code"], primary["locality_name"]) == "< 10"
    assert _cell(page, complementary["indicator_code"], complementary["locality_name"]) == (
        "reservada"
    )
    published = _rows(
        built_warehouse,
        "select figure, locality_name from marts.mart_public_locality_figures "
        "where cutoff_code = :cutoff and indicator_code = 'UTA1_SISBEN' "
        "and locality_scope = '08'",
        cutoff=CUTOFF,
    )[0]
    assert _cell(page, "UTA1_SISBEN", published["locality_name"]) == shown(published["figure"])

    # Lazily painted grids: a viewport as tall as the page draws every one in the capture.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1366, "height": height})
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts_dir / "publico.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    assert errors == []


@pytest.mark.browser
def test_public_download_keeps_withheld_cells_withheld(page, app_url, built_warehouse):
    page.goto(app_url + URL)
    page.wait_for_selector("#pub-legend")
    settle(page)
    with page.expect_download() as download:
        page.click("#pub-csv")
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    described = [line for line in content.splitlines() if line.startswith("# ")]
    assert described, "the file says what it holds, in comment lines before the table"
    data = "\n".join(line for line in content.splitlines() if line and not line.startswith("#"))
    table = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert table[0] == ["Corte", "Indicador", "Unidad", "Ámbito", "Cifra"]
    body = table[1:]
    expected = _rows(
        built_warehouse,
        "select count(*) filter (where suppression_reason = 'primaria') as primary_n, "
        "count(*) filter (where suppression_reason = 'complementaria') as complementary_n, "
        "count(*) as n from marts.mart_public_locality_figures where cutoff_code = :cutoff",
        cutoff=CUTOFF,
    )[0]
    assert len(body) == expected["n"]
    figures = [row[4] for row in body]
    assert figures.count("< 10") == expected["primary_n"] > 0
    assert figures.count("reservada") == expected["complementary_n"] > 0
    published = [f for f in figures if f not in ("< 10", "reservada")]
    ratios = [f for f in published if f.endswith(" %") or " por " in f]  # derived ratios
    assert ratios, "the derived indicators are published too"
    numbers = [int(f) for f in published if f not in ratios]
    assert numbers and min(numbers) >= 10
    assert {row[0] for row in body} == {"junio–agosto 2024"}


@pytest.mark.browser
def test_choosing_a_cutoff_moves_the_period(page, app_url, built_warehouse):
    page.goto(app_url + "/publico")
    page.wait_for_selector("#pub-legend")
    settle(page)
    first = _rows(
        built_warehouse,
        "select figure from marts.mart_public_locality_figures "
        "where indicator_code = 'UTA1_SISBEN' and is_district_total and cutoff_code = '2024-C1'",
    )[0]
    assert page.inner_text("#pub-total-UTA1_SISBEN") == shown(first["figure"])
    pick(page, "pub-cutoff", "septiembre")
    page.wait_for_url("**desde=2024-09**")
    assert "hasta=2024-12" in page.url
    settle(page)
    later = _rows(
        built_warehouse,
        "select figure from marts.mart_public_locality_figures "
        "where indicator_code = 'UTA1_SISBEN' and is_district_total and cutoff_code = '2024-C3'",
    )[0]
    assert page.inner_text("#pub-total-UTA1_SISBEN") == shown(later["figure"])
