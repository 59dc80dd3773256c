"""One Plotly config for every chart: Spanish, nothing that can send a chart to another host,
PNG names that say what they hold; hover and axis numbers in es-CO format."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from dash_app.components.common import GRAPH_CONFIG, file_slug, graph
from dash_app.figures import charts, maps
from dash_app.figures.base import styled

from .helpers import settle

ASSETS = Path(__file__).resolve().parents[2] / "dash_app" / "assets"
# d3 formats a hovertemplate may use for numbers: no fixed decimals on counts ("141.642,0").
FIXED_DECIMALS = re.compile(r"%\{[^}:]+:[^}]*\.[1-9]f\}")


def test_config_has_no_cloud_and_is_spanish():
    assert GRAPH_CONFIG["locale"] == "es"
    assert GRAPH_CONFIG["showSendToCloud"] is False
    assert GRAPH_CONFIG["showEditInChartStudio"] is False
    assert GRAPH_CONFIG["showLink"] is False
    assert GRAPH_CONFIG["plotlyServerURL"] == ""
    assert GRAPH_CONFIG["displaylogo"] is False
    for button in ("sendDataToCloud", "sendChartToCloud", "editInChartStudio"):
        assert button in GRAPH_CONFIG["modeBarButtonsToRemove"]
    assert GRAPH_CONFIG["topojsonURL"].startswith("/assets/")


def test_locale_translates_the_modebar_and_notices_of_this_plotly():
    locale = (ASSETS / "plotly-locale-es.js").read_text(encoding="utf-8")
    for key in (
        "Download plot as a PNG",
        "Preparing image - this may take a few seconds",
        "Image download succeeded",
        "Sorry, there was a problem downloading your image!",
        "Autoscale",
        "Reset axes",
        "Zoom in",
        "Zoom out",
    ):
        assert f'"{key}"' in locale, key
    assert 'decimal: ","' in locale and 'thousands: "."' in locale


def test_graph_names_the_png_and_the_chart():
    figure = styled(go.Figure(go.Bar(x=["a"], y=[1])), "Serie por mes (personas)", "SDIS")
    wrapper = graph("g", figure, "Migrantes atendidos · Kennedy · ene–may 2024")
    inner, table = wrapper.children  # the graph, then its data table (text alternative)
    assert table.children[0].children == "Ver datos de la gráfica"
    name = inner.config["toImageButtonOptions"]["filename"]
    assert name == "serie_por_mes_personas_migrantes_atendidos_kennedy_ene_may_2024"
    assert inner.config["showSendToCloud"] is False
    subtitle = inner.figure.layout.title.subtitle.text
    assert subtitle.startswith("Migrantes atendidos · Kennedy · ene–may 2024")
    assert "Fuente: SDIS" in subtitle  # the source stays in the PNG
    assert wrapper.role == "figure"
    assert "Serie por mes" in getattr(wrapper, "aria-label")


def test_file_slug_is_plain_ascii():
    assert file_slug("Añó · Ciudad Bolívar / T1 2024") == "ano_ciudad_bolivar_t1_2024"
    assert file_slug("") == "grafica"


def _every_chart() -> list[go.Figure]:
    localities = pd.DataFrame(
        {
            "locality_code": ["08", "20"],
            "locality_name": ["Kennedy", "Sumapaz"],
            "value": [141642, 3],
        }
    )
    return [
        charts.series_bar(pd.DataFrame({"label": ["ene 2024"], "value": [141642]}), "t", "u", "s"),
        charts.ranking_bar(localities, "t", "u", "s"),
        charts.breakdown_bar(
            pd.DataFrame({"category": ["Mujer"], "value": [1.5]}), "sexo", "t", "u", "s"
        ),
        charts.goal_progress(pd.DataFrame({"label": ["a"], "progress_ratio": [0.5]}), "t", "s"),
        charts.status_bars(
            pd.DataFrame({"uta": ["UTA1"], "status": ["iniciada"], "activities": [3]}),
            "uta",
            "t",
            "s",
        ),
        maps.choropleth(localities, "t", "personas", "s"),
    ]


def test_every_hovertemplate_is_es_co_without_fixed_decimals():
    for figure in _every_chart():
        assert figure.layout.separators == ",."
        for trace in figure.data:
            template = trace.hovertemplate or ""
            assert template, type(trace).__name__
            assert not FIXED_DECIMALS.search(template), template


def test_map_hover_shows_whole_numbers_whole():
    figure = maps.choropleth(
        pd.DataFrame({"locality_code": ["08"], "locality_name": ["Kennedy"], "value": [141642]}),
        "t",
        "personas",
        "s",
    )
    assert "%{z:,.1~f}" in figure.data[0].hovertemplate  # 141.642, and 12,5 when not whole


@pytest.mark.browser
def test_modebar_is_spanish_and_nothing_leaves_the_server(page, app_url):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(app_url + "/indicadores")
    settle(page)
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    buttons = chart.locator(".modebar-btn")
    buttons.first.wait_for()
    titles = [buttons.nth(i).get_attribute("data-title") for i in range(buttons.count())]
    assert "Descargar gráfica como PNG" in titles
    assert not [t for t in titles if "ompartir" in t or "Share" in t or "Chart Studio" in t]
    assert not page.locator("a[href^='http']:not([href^='" + app_url + "'])").count()
    assert hosts == {app_url.split("/")[2]}
