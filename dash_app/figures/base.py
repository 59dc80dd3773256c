"""Shared look of every chart: Okabe–Ito palette, es-CO separators, title, unit and source note."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Every chart uses plotly_white: as the default, each new figure takes it without validating it
# again (update_layout(template=…) re-validated and deep-copied it, ~0,1 s per chart).
pio.templates.default = "plotly_white"

# Okabe–Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED = "#D55E00", "#0072B2"
STATUS_COLOURS = {
    "totalmente ejecutada": "#009E73",
    "iniciada": "#E69F00",
    "no iniciada": "#CC79A7",
    "no reportada": "#BBBBBB",
}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def styled(
    figure: go.Figure,
    title: str,
    source: str | None = None,
    height: int = 360,
    note: str | None = None,
) -> go.Figure:
    """Title with the source (and a note) as subtitle, Spanish separators, thousands on axes."""
    heading: dict = {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 15}}
    subtitle = " · ".join(p for p in (note, f"Fuente: {source}" if source else None) if p)
    if subtitle:
        heading["subtitle"] = {"text": subtitle, "font": {"size": 11, "color": "#555"}}
    figure.update_layout(
        title=heading,
        separators=",.",
        height=height,
        font={"family": FONT, "size": 12},
        margin={"l": 50, "r": 20, "t": 78 if subtitle else 56, "b": 40},
        colorway=PALETTE,
        legend={"orientation": "h", "y": -0.15, "x": 0, "yanchor": "top"},
    )
    figure.update_yaxes(tickformat=",~r", separatethousands=True)
    return figure


def empty(title: str, message: str = "No hay datos para estos filtros.") -> go.Figure:
    """A figure that says in words that there is nothing to show."""
    figure = go.Figure()
    figure.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 14, "color": "#555"},
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return styled(figure, title, height=300)
