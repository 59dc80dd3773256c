"""Indicadores, Territorio and Plan de acción in the browser: charts equal the marts' SQL,
cross-filtering by click, exports of exactly what is filtered, lineage behind a figure."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from warehouse.formatting import format_percent

from .helpers import headline_figure, pick, settle, shown, sql_figure

JAN, MAY = date(2024, 1, 1), date(2024, 5, 1)
CODE = "UTA1_SDIS_REFERENCIADOS"


def plot_data(page, graph_id: str) -> list[dict]:
    return page.eval_on_selector(
        f"#{graph_id} .js-plotly-plot",
        "el => el._fullData.map(t => ({x: Array.from(t.x || []), y: Array.from(t.y || []),"
        " z: Array.from(t.z || []), locations: Array.from(t.locations || []),"
        " customdata: Array.from(t.customdata || [])}))",
    )


def rows(engine, sql: str, **params) -> list:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


@pytest.mark.browser
def test_indicator_explorer_equals_marts(page, app_url, built_warehouse, artifacts_dir):
    page.goto(app_url + f"/indicadores?indicador={CODE}")
    page.wait_for_selector("#ind-ranking .js-plotly-plot")
    settle(page)
    assert page.inner_text("#ind-kpi") == shown(sql_figure(built_warehouse, CODE, JAN, MAY))

    by_locality = {
        r.locality_name: float(r.figure)
        for r in rows(
            built_warehouse,
            "select f.locality_name, f.figure from marts.indicator_figure_by_locality("
            ":c, :s, :e) f join marts.dim_locality l using (locality_code) "
            "where l.is_locality and f.figure is not null",
            c=CODE,
            s=JAN,
            e=MAY,
        )
    }
    ranking = plot_data(page, "ind-ranking")[0]
    assert dict(zip(ranking["y"], ranking["x"], strict=True)) == pytest.approx(by_locality)

    page.check("#ind-grain input[value='trimestre']", force=True)
    page.wait_for_url("**grano=trimestre**")
    page.wait_for_selector("#ind-series .js-plotly-plot")
    settle(page)
    quarters = rows(
        built_warehouse,
        "select bucket_label, figure from marts.indicator_series(:c, :s, :e, null, 'quarter')",
        c=CODE,
        s=JAN,
        e=MAY,
    )
    series = plot_data(page, "ind-series")[0]
    assert series["x"] == [r.bucket_label for r in quarters]
    assert series["y"] == pytest.approx([float(r.figure) for r in quarters])

    breakdown = plot_data(page, "ind-breakdown")[0]
    by_sex = rows(
        built_warehouse,
        "select category, figure from marts.indicator_breakdown(:c, :s, :e, null, 'sex')",
        c=CODE,
        s=JAN,
        e=MAY,
    )
    assert dict(zip(breakdown["x"], breakdown["y"], strict=True)) == pytest.approx(
        {r.category: float(r.figure) for r in by_sex}
    )
    page.screenshot(path=str(artifacts_dir / "indicadores_trimestre.png"), full_page=True)


@pytest.mark.browser
def test_click_on_ranking_filters_the_page_and_chip_removes_it(page, app_url, built_warehouse):
    page.goto(app_url + f"/indicadores?indicador={CODE}")
    page.wait_for_selector("#ind-ranking .js-plotly-plot")
    settle(page)
    ranking = plot_data(page, "ind-ranking")[0]
    top_code, top_name = ranking["customdata"][-1], ranking["y"][-1]
    # Plotly's drag layer takes the pointer: click where the top bar is drawn, as a person does.
    top_bar = page.query_selector_all("#ind-ranking .bars .point path")[-1]
    top_bar.scroll_into_view_if_needed()
    box = top_bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(f"**localidad={top_code}**")
    settle(page)
    assert f"Localidad: {top_name}" in page.inner_text("#filter-chips")
    assert page.inner_text("#ind-kpi") == shown(
        sql_figure(built_warehouse, CODE, JAN, MAY, [top_code])
    )
    page.click(f"#chip-localidad-{top_code}")
    page.wait_for_url(lambda url: "localidad=" not in url)
    settle(page)
    assert page.inner_text("#ind-kpi") == shown(sql_figure(built_warehouse, CODE, JAN, MAY))


def table_rows(content: str) -> list[list[str]]:
    """The table of a CSV export, below its '# ' header lines and the empty line after them."""
    body = [line for line in content.splitlines() if line and not line.startswith("# ")]
    return list(csv.reader(io.StringIO("\n".join(body)), delimiter=";"))


@pytest.mark.browser
def test_exports_contain_exactly_the_filtered_rows(page, app_url, built_warehouse):
    page.goto(
        app_url + f"/indicadores?indicador={CODE}&localidad=08,11&desde=2024-02&hasta=2024-03"
    )
    page.wait_for_selector("#ind-csv")
    settle(page)
    with page.expect_download() as download:
        page.click("#ind-csv")
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.startswith("# Indicador: ")  # the header block says what the file holds
    table = table_rows(content)
    assert table[0] == [
        "Mes",
        "Localidad",
        "Sexo",
        "Grupo de edad",
        "Valor",
        "Fila",
        "Entidad",
        "Entrega n.º",
    ]
    expected = rows(
        built_warehouse,
        "select count(*), coalesce(sum(indicator_value), 0) from marts.fct_indicator_values "
        "where indicator_code = :c and period_month between :s and :e "
        "and locality_code in ('08', '11')",
        c=CODE,
        s=date(2024, 2, 1),
        e=date(2024, 3, 1),
    )[0]
    assert len(table) - 1 == expected[0]
    assert sum(float(r[4].replace(",", ".")) for r in table[1:]) == pytest.approx(
        float(expected[1])
    )
    assert {r[1] for r in table[1:]} <= {"Kennedy", "Suba"}
    with page.expect_download() as download:
        page.click("#ind-xlsx")
    assert download.value.suggested_filename.endswith(".xlsx")

    # A column filter inside the grid narrows the export to exactly the rows left visible.
    page.evaluate(
        "async () => { const api = await dash_ag_grid.getApiAsync('ind-table');"
        " api.setFilterModel({localidad: {filterType: 'text', type: 'equals',"
        " filter: 'Kennedy'}}); }"
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('#ind-table .ag-row [col-id=\"localidad\"]')]"
        ".every(c => c.innerText === 'Kennedy')"
    )
    settle(page)
    with page.expect_download() as download:
        page.click("#ind-csv")
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    filtered = table_rows(content)[1:]
    kennedy = rows(
        built_warehouse,
        "select count(*) from marts.fct_indicator_values where indicator_code = :c "
        "and period_month between :s and :e and locality_code = '08'",
        c=CODE,
        s=date(2024, 2, 1),
        e=date(2024, 3, 1),
    )[0][0]
    assert len(filtered) == kennedy > 0
    assert {r[1] for r in filtered} == {"Kennedy"}


@pytest.mark.browser
def test_lineage_shows_the_deliveries_behind_the_figure(page, app_url, built_warehouse):
    page.goto(app_url + f"/indicadores?indicador={CODE}")
    page.wait_for_selector("#ind-lineage-accordion")
    settle(page)
    page.click("#ind-lineage-accordion .accordion-button")
    page.wait_for_selector("#ind-lineage .ag-row")
    files = {
        r.file_name
        for r in rows(
            built_warehouse,
            "select distinct file_name from marts.mart_indicator_lineage "
            "where indicator_code = :c and period_month between :s and :e",
            c=CODE,
            s=JAN,
            e=MAY,
        )
    }
    assert files
    grid_text = page.inner_text("#ind-lineage")
    for name in files:
        assert name in grid_text


@pytest.mark.browser
def test_territorio_map_and_profile_equal_marts(page, app_url, built_warehouse):
    page.goto(app_url + "/territorio?indicador=UTA1_SISBEN&localidad=08")
    page.wait_for_selector("#terr-map .js-plotly-plot")
    settle(page)
    profile = page.inner_text("#terr-profile-UTA1_SISBEN")
    assert shown(sql_figure(built_warehouse, "UTA1_SISBEN", JAN, MAY, ["08"])) in profile
    # EPS lags a month: its row says so, and its figure and rank both cover ene–abr.
    eps = page.inner_text("#terr-profile-UTA2_EPS_AFILIADOS")
    assert shown(headline_figure(built_warehouse, "UTA2_EPS_AFILIADOS", JAN, MAY, ["08"])) in eps
    assert "ene 2024 – abr 2024, rezago de la fuente" in eps
    apr = date(2024, 4, 1)
    eps_figures = sorted(
        (
            float(r.figure)
            for r in rows(
                built_warehouse,
                "select f.figure from marts.indicator_figure_by_locality(:c, :s, :e) f "
                "join marts.dim_locality l using (locality_code) where l.is_locality",
                c="UTA2_EPS_AFILIADOS",
                s=JAN,
                e=apr,
            )
        ),
        reverse=True,
    )
    kennedy = float(headline_figure(built_warehouse, "UTA2_EPS_AFILIADOS", JAN, MAY, ["08"]))
    assert f"{eps_figures.index(kennedy) + 1} de {len(eps_figures)}" in eps
    by_locality = {
        r.locality_code: float(r.figure)
        for r in rows(
            built_warehouse,
            "select locality_code, figure from marts.indicator_figure_by_locality(:c, :s, :e) "
            "where locality_code between '01' and '19' and figure is not null",
            c="UTA1_SISBEN",
            s=JAN,
            e=MAY,
        )
    }
    everywhere = rows(
        built_warehouse,
        "select f.locality_code, f.figure from marts.indicator_figure_by_locality(:c, :s, :e) f "
        "join marts.dim_locality l using (locality_code) where l.is_locality "
        "and f.figure is not null",
        c="UTA1_SISBEN",
        s=JAN,
        e=MAY,
    )
    place = 1 + sum(1 for r in everywhere if r.figure > dict(everywhere)["08"])
    assert f"{place} de {len(everywhere)}" in profile
    trace = plot_data(page, "terr-map")[0]
    assert dict(zip(trace["locations"], trace["z"], strict=True)) == pytest.approx(by_locality)

    page.check("#terr-measure input[value='tasa']", force=True)
    page.wait_for_url("**medida=tasa**")
    page.wait_for_selector("#terr-map .js-plotly-plot")
    settle(page)
    population = dict(
        rows(built_warehouse, "select locality_code, population_2024 from marts.dim_locality")
    )
    rates = plot_data(page, "terr-map")[0]
    got = dict(zip(rates["locations"], rates["z"], strict=True))
    assert got == pytest.approx({c: v / population[c] * 1000 for c, v in by_locality.items()})

    shape = page.query_selector_all("#terr-map .choroplethlayer path")[0]
    shape.scroll_into_view_if_needed()
    box = shape.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(lambda url: "localidad=08" not in url and "localidad=" in url)
    settle(page)
    assert "Perfil de" in page.inner_text("#terr-profile-title")


@pytest.mark.browser
def test_plan_de_accion_equals_marts(page, app_url, built_warehouse):
    page.goto(app_url + "/plan-de-accion")
    page.wait_for_selector("#plan-gauge .js-plotly-plot")
    settle(page)
    total, transversal = (
        rows(
            built_warehouse,
            "select compliance_ratio, started_ratio from marts.mart_compliance_by_uta "
            "where cutoff_code = '2024-C1' and uta_code = :u",
            u=uta,
        )[0]
        for uta in ("TOTAL", "TRANSVERSAL")
    )
    gauge = page.eval_on_selector("#plan-gauge .js-plotly-plot", "el => el.data[0].value")
    assert gauge == pytest.approx(float(total.compliance_ratio) * 100)
    assert page.inner_text("#plan-transversal") == format_percent(transversal.started_ratio)
    missing = rows(
        built_warehouse,
        "select count(*) from marts.fct_reporting_compliance "
        "where cutoff_code = '2024-C1' and reported_activities < expected_activities",
    )[0][0]
    assert len(page.query_selector_all("#plan-missing li")) == missing


@pytest.mark.browser
def test_barriers_search_through_the_ui_equals_marts(page, app_url, built_warehouse):
    page.goto(app_url + "/barreras")
    page.wait_for_selector("#barr-search")
    settle(page)
    page.fill("#barr-search", "capacitación")
    page.press("#barr-search", "Enter")
    page.wait_for_url("**buscar=capacitaci**")
    settle(page)
    expected = rows(
        built_warehouse,
        "select count(*) from marts.fct_barriers where cutoff_code = '2024-C1' "
        "and item_text ilike '%capacitación%'",
    )[0][0]
    assert expected > 0
    assert page.inner_text("#barr-count").startswith(f"{expected} elementos")
    for item in page.query_selector_all("#barr-results .list-group-item"):
        assert "capacitación" in item.inner_text().lower()


@pytest.mark.browser
def test_entity_profile_through_its_selector(page, app_url, built_warehouse):
    page.goto(app_url + "/entidades")
    page.wait_for_selector("#ent-select")
    settle(page)
    pick(page, "ent-select", "Secretaría Distrital de Planeación")
    page.wait_for_url("**entidad=SDP**")
    page.wait_for_selector("#ent-title")
    settle(page)
    assert page.inner_text("#ent-title") == "Secretaría Distrital de Planeación"
    codes = [
        r.indicator_code
        for r in rows(
            built_warehouse,
            "select indicator_code from marts.dim_indicator where entity_code = 'SDP'",
        )
    ]
    assert codes
    for code in codes:
        expected = sql_figure(built_warehouse, code, JAN, MAY, None, "SDP")
        assert page.inner_text(f"#ent-value-{code}") == shown(expected)


@pytest.mark.browser
def test_lagged_indicator_card_says_which_window_it_covers(page, app_url, built_warehouse):
    eps = "UTA2_EPS_AFILIADOS"
    page.goto(app_url + f"/indicadores?indicador={eps}&desde=2024-01&hasta=2024-05")
    page.wait_for_selector("#ind-kpi")
    settle(page)
    card = page.locator("#ind-kpi").locator("xpath=..").inner_text()
    assert page.inner_text("#ind-kpi") == shown(headline_figure(built_warehouse, eps, JAN, MAY))
    assert page.inner_text("#ind-kpi") == "259.570"  # the deck's Jan–Apr average
    assert "Cifra del corte · enero–mayo 2024" in card and "1 mes de rezago" in card
    # Any other range is taken as chosen: Jan–Mar averages those three months, no lag note.
    page.goto(app_url + f"/indicadores?indicador={eps}&desde=2024-01&hasta=2024-03")
    page.wait_for_selector("#ind-kpi")
    settle(page)
    march = sql_figure(built_warehouse, eps, JAN, date(2024, 3, 1))
    assert page.inner_text("#ind-kpi") == shown(march)
    assert "rezago" not in page.locator("#ind-kpi").locator("xpath=..").inner_text()
