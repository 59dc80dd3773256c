"""A derived indicator (dbt model in models/metrics/, rule ratio) on Indicadores and Territorio,
at phone, laptop and projector sizes: the card shows the ratio formatted as a percentage, equal
to dbt's SQL function over the cut-off's window; the definition carries the formula; the lineage
names the model and the deliveries of its inputs; the map and the profile show the same figures.
Screenshots in tests/artifacts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from warehouse.formatting import format_figure

from .helpers import settle, sql_figure

JAN, APR, MAY = date(2024, 1, 1), date(2024, 4, 1), date(2024, 5, 1)
CODE = "UTA2_EPS_COBERTURA_SISBEN"
SIZES = {"phone": (390, 844), "laptop": (1366, 768), "projector": (1920, 1080)}
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def _by_locality(engine, start, end) -> dict[str, float]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "select f.locality_code, f.figure from marts.indicator_figure_by_locality("
                ":c, :s, :e) f join marts.dim_locality l using (locality_code) "
                "where l.is_locality and f.figure is not null"
            ),
            {"c": CODE, "s": start, "e": end},
        ).all()
    return {r.locality_code: float(r.figure) for r in rows}


@pytest.mark.browser
@pytest.mark.parametrize("size", list(SIZES))
def test_derived_ratio_on_indicadores(new_context, app_url, built_warehouse, artifacts_dir, size):
    width, height = SIZES[size]
    context = new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(app_url + f"/indicadores?indicador={CODE}")
    page.wait_for_selector("#ind-ranking .js-plotly-plot")
    settle(page)
    # EPS publishes a month late: at the enero–mayo cut-off the card covers enero–abril.
    expected = format_figure(sql_figure(built_warehouse, CODE, JAN, APR), 100)
    assert expected.endswith(" %") and "," in expected
    assert page.inner_text("#ind-kpi") == expected
    assert "Afiliados a una EPS" in page.inner_text("#ind-formula")
    page.get_by_text("¿De dónde sale esta cifra?").click()
    inputs = page.locator("#ind-lineage-inputs")
    inputs.wait_for()
    assert "metric_uta2_eps_cobertura_sisben" in inputs.inner_text()
    assert "UTA1_SISBEN" in inputs.inner_text()
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    page.screenshot(path=str(artifacts_dir / f"derived-indicadores-{size}.png"), full_page=True)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", list(SIZES))
def test_derived_ratio_on_territorio(new_context, app_url, built_warehouse, artifacts_dir, size):
    width, height = SIZES[size]
    context = new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(app_url + f"/territorio?indicador={CODE}&localidad=08")
    page.wait_for_selector("#terr-map .js-plotly-plot")
    settle(page)
    profile = page.inner_text(f"#terr-profile-{CODE}")
    kennedy = format_figure(sql_figure(built_warehouse, CODE, JAN, APR, ["08"]), 100)
    assert kennedy in profile
    mapped = page.eval_on_selector(
        "#terr-map .js-plotly-plot",
        "el => { const t = el._fullData[0];"
        " return Object.fromEntries(Array.from(t.locations).map((l, i) => [l, t.z[i]])); }",
    )
    by_locality = _by_locality(built_warehouse, JAN, MAY)  # the map uses the chosen months
    assert len(by_locality) == 20 and len(mapped) >= 19  # the map has no Sumapaz (20)
    assert mapped == pytest.approx({k: by_locality[k] for k in mapped})
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    page.screenshot(path=str(artifacts_dir / f"derived-territorio-{size}.png"), full_page=True)
    context.close()
