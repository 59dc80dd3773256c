"""Data-quality charts: deliveries accepted and rejected per entity."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dash_app.figures.base import PALETTE, empty, styled


def deliveries_by_entity(frame: pd.DataFrame, title: str, source: str) -> go.Figure:
    """frame: entity, accepted, rejected."""
    if frame.empty:
        return empty(title, "No hay entregas registradas para estos filtros.")
    figure = go.Figure()
    figure.add_bar(
        y=frame["entity"],
        x=frame["accepted"],
        name="Aceptadas",
        orientation="h",
        marker_color=PALETTE[2],
    )
    figure.add_bar(
        y=frame["entity"],
        x=frame["rejected"],
        name="Rechazadas",
        orientation="h",
        marker_color=PALETTE[5],
    )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(tickformat=",d")
    figure.update_yaxes(autorange="reversed", tickformat=None)
    return styled(figure, title, source, height=max(260, 28 * len(frame) + 150))
