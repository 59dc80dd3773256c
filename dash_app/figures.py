"""Pure figure builders: DataFrame in, plotly Figure out (no Dash imports)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

# Okabe–Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def monthly_bar(frame: pd.DataFrame, title: str, unit: str) -> go.Figure:
    figure = go.Figure(
        go.Bar(
            x=frame["month_label"] if not frame.empty else [],
            y=frame["value"] if not frame.empty else [],
            marker_color=PALETTE[0],
            hovertemplate="%{x}: %{y:,.0f} " + unit + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=title,
        separators=",.",
        yaxis_title=unit,
        margin={"l": 40, "r": 10, "t": 50, "b": 40},
        template="plotly_white",
        height=360,
    )
    return figure
