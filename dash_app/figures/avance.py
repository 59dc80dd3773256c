"""The policy's trajectory: the weighted goal programmed to each year-end (2023–2035) and the
weighted advance reported at each cut-off, in percent."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dash_app.figures.base import HIGHLIGHT, PALETTE, empty, styled


def trajectory(
    goals: pd.DataFrame,
    advance: pd.DataFrame,
    chosen: str | None,
    title: str,
    source: str,
) -> go.Figure:
    """goals: goal_month, goal_ratio; advance: cutoff_code, cutoff_name, cutoff_end_month,
    advance_ratio, goal_ratio. The chosen cut-off's point is highlighted."""
    if goals.empty:
        return empty(title, "Sin metas programadas de productos del plan de acción.")
    figure = go.Figure()
    figure.add_scatter(
        x=goals["goal_month"],
        y=goals["goal_ratio"].astype(float) * 100,
        name="Meta programada (fin de cada año)",
        mode="lines+markers",
        line={"color": PALETTE[1], "dash": "dash"},
        hovertemplate="Meta a diciembre de %{x|%Y}: %{y:.2f} %<extra></extra>",
    )
    if not advance.empty:
        chosen_rows = advance["cutoff_code"] == chosen
        figure.add_scatter(
            x=advance["cutoff_end_month"],
            y=advance["advance_ratio"].astype(float) * 100,
            customdata=advance[["cutoff_name"]],
            name="Avance reportado (cada corte)",
            mode="lines+markers",
            line={"color": PALETTE[0]},
            marker={
                "size": [14 if is_chosen else 8 for is_chosen in chosen_rows],
                "color": [HIGHLIGHT if is_chosen else PALETTE[0] for is_chosen in chosen_rows],
            },
            hovertemplate="Avance a %{customdata[0]}: %{y:.2f} %<extra></extra>",
        )
    figure.update_yaxes(range=[0, 105], ticksuffix=" %", tickformat=",d", title_text=None)
    figure.update_xaxes(
        tickformat="%Y", dtick="M12", ticklabelmode="period", range=["2023-01-01", "2036-01-01"]
    )
    return styled(figure, title, source, height=320)
