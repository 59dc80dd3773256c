"""Figure builders: es-CO separators, titles and sources, empty states in words, the map."""

from __future__ import annotations

import pandas as pd

from dash_app.figures.charts import compliance_gauge, ranking_bar, series_bar, status_bars
from dash_app.figures.maps import choropleth, localities_geojson


def test_series_has_spanish_separators_title_and_source():
    frame = pd.DataFrame({"label": ["ene 2024", "feb 2024"], "value": [806728, 1214]})
    figure = series_bar(frame, "Sisbén por mes", "personas", "Planeación")
    assert figure.layout.separators == ",."
    assert figure.layout.title.text == "Sisbén por mes"
    assert "Fuente: Planeación" in figure.layout.title.subtitle.text
    assert list(figure.data[0].y) == [806728, 1214]


def test_empty_frames_say_so_in_words():
    figure = series_bar(pd.DataFrame({"label": [], "value": []}), "T", "u", "s")
    assert figure.data == ()
    assert "No hay datos" in figure.layout.annotations[0].text
    gauge = compliance_gauge(None, "Cumplimiento", "")
    assert "Sin actividades" in gauge.layout.annotations[0].text


def test_ranking_sorted_and_selection_highlighted():
    frame = pd.DataFrame(
        {
            "locality_code": ["01", "08", "11"],
            "locality_name": ["Usaquén", "Kennedy", "Suba"],
            "value": [10, 30, 20],
        }
    )
    figure = ranking_bar(frame, "Ranking", "personas", "s", selected=("11",))
    bar = figure.data[0]
    assert list(bar.y) == ["Usaquén", "Suba", "Kennedy"]  # largest on top of a horizontal bar
    colours = dict(zip(bar.y, bar.marker.color, strict=True))
    assert colours["Suba"] != colours["Kennedy"]


def test_gauge_in_percent():
    gauge = compliance_gauge(32 / 48, "Cumplimiento", "32 de 48")
    assert round(gauge.data[0].value, 2) == 66.67
    assert gauge.data[0].number.suffix == " %"


def test_status_bars_stack_every_status():
    frame = pd.DataFrame(
        {
            "uta": ["UTA 1"] * 4,
            "status": ["totalmente ejecutada", "iniciada", "no iniciada", "no reportada"],
            "activities": [2, 7, 6, 5],
        }
    )
    figure = status_bars(frame, "uta", "Estado", "s")
    assert sum(trace.x[0] for trace in figure.data) == 20


def test_shipped_geojson_has_the_twenty_localities_and_is_small():
    from dash_app.figures.maps import GEOJSON_PATH

    features = localities_geojson()["features"]
    assert sorted(f["properties"]["locality_code"] for f in features) == [
        f"{i:02d}" for i in range(1, 21)
    ]
    assert GEOJSON_PATH.stat().st_size < 300 * 1024


def test_choropleth_draws_only_localities_and_can_drop_sumapaz():
    frame = pd.DataFrame(
        {
            "locality_code": ["00", "08", "20"],
            "locality_name": ["Distrito", "Kennedy", "Sumapaz"],
            "value": [100, 30, 1],
        }
    )
    figure = choropleth(frame, "Mapa", "personas", "s")
    assert list(figure.data[0].locations) == ["08", "20"]
    urban = choropleth(frame, "Mapa", "personas", "s", urban_only=True)
    assert list(urban.data[0].locations) == ["08"]
