"""Choropleth of Bogotá's 20 localities from the GeoJSON shipped in dash_app/static_data/."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import dash
import pandas as pd
import plotly.graph_objects as go

from dash_app.figures.base import empty, styled

GEOJSON_ASSET = "data/localidades_bogota.geojson"
GEOJSON_PATH = Path(__file__).resolve().parent.parent / "assets" / GEOJSON_ASSET
MAP_CREDIT = "IDECA, CC BY-SA"
# Sequential, colour-blind-safe (viridis reversed: light = low, dark = high).
SCALE = "Viridis_r"


@lru_cache(maxsize=1)
def localities_geojson() -> dict:
    return json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))


def geojson_url() -> str:
    """Where the browser fetches the geometry: the app's own asset, so it travels once and is
    cached, instead of 107 kB copied into every map figure (and deep-copied by Plotly)."""
    try:
        return dash.get_asset_url(GEOJSON_ASSET)
    except AttributeError:  # no Dash app configured (unit tests of the figure)
        return f"/assets/{GEOJSON_ASSET}"


def choropleth(
    frame: pd.DataFrame,
    title: str,
    unit: str,
    source: str,
    selected: tuple[str, ...] = (),
    urban_only: bool = False,
) -> go.Figure:
    """frame: locality_code, locality_name, value (only the 20 localities are drawn)."""
    data = frame[frame["locality_code"].isin([f"{i:02d}" for i in range(1, 21)])]
    data = data.dropna(subset=["value"])
    if urban_only:
        data = data[data["locality_code"] != "20"]
    if data.empty:
        return empty(title, "No hay datos por localidad para estos filtros.")
    values = data["value"].astype(float)
    figure = go.Figure(
        go.Choropleth(
            geojson=geojson_url(),
            locations=data["locality_code"],
            featureidkey="properties.locality_code",
            z=values,
            customdata=data[["locality_code", "locality_name"]],
            text=data["locality_name"],
            colorscale=SCALE,
            marker_line_color=["#000" if c in selected else "#fff" for c in data["locality_code"]],
            marker_line_width=[3 if c in selected else 0.7 for c in data["locality_code"]],
            colorbar={"title": {"text": unit}, "tickformat": ",~r", "thickness": 14},
            hovertemplate="<b>%{text}</b><br>%{z:,.1~f} " + unit + "<extra></extra>",
        )
    )
    figure.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    figure = styled(figure, title, f"{source}. Límites: {MAP_CREDIT}", height=560)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 84, "b": 10}, clickmode="event")
    return figure
