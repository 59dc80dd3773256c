"""Indicator and action-plan charts: series, rankings, gauges, status bars, goals, breakdowns."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dash_app.figures.base import HIGHLIGHT, MUTED, PALETTE, STATUS_COLOURS, empty, styled

STATUS_ORDER = ("totalmente ejecutada", "iniciada", "no iniciada", "no reportada")


def series_bar(
    frame: pd.DataFrame,
    title: str,
    unit: str,
    source: str,
    note: str | None = None,
    label_format: str = ",.0f",
) -> go.Figure:
    """frame: label, value (one bar per month/quarter/year); `note` goes under the title;
    `label_format`: the bars' labels (',.1f' for a derived ratio, '32,5')."""
    if frame.empty or frame["value"].isna().all():
        return empty(title)
    frame = frame.assign(value=pd.to_numeric(frame["value"], errors="coerce"))
    figure = go.Figure(
        go.Bar(
            x=frame["label"],
            y=frame["value"],
            marker_color=PALETTE[0],
            hovertemplate="%{x}: %{y:,.1~f} " + unit + "<extra></extra>",
            text=frame["value"],
            texttemplate="%{text:" + label_format + "}",
            textposition="outside",
            cliponaxis=False,
        )
    )
    figure.update_yaxes(title_text=unit)
    return styled(figure, title, source, note=note)


def ranking_bar(
    frame: pd.DataFrame,
    title: str,
    unit: str,
    source: str,
    selected: tuple[str, ...] = (),
    label_format: str = ",.0f",
) -> go.Figure:
    """frame: locality_code, locality_name, value; horizontal bars, largest on top."""
    data = frame.assign(value=pd.to_numeric(frame["value"], errors="coerce"))
    data = data.dropna(subset=["value"]).sort_values("value")
    if data.empty:
        return empty(title)
    colours = [HIGHLIGHT if code in selected else MUTED for code in data["locality_code"]]
    figure = go.Figure(
        go.Bar(
            x=data["value"],
            y=data["locality_name"],
            orientation="h",
            marker_color=colours,
            customdata=data["locality_code"],
            hovertemplate="%{y}: %{x:,.1~f} " + unit + "<extra></extra>",
            text=data["value"],
            texttemplate="%{text:" + label_format + "}",
            textposition="outside",
            cliponaxis=False,
        )
    )
    figure.update_xaxes(title_text=unit, tickformat=",~r")
    figure.update_yaxes(tickformat=None)
    figure = styled(figure, title, source, height=max(320, 26 * len(data) + 130))
    figure.update_layout(margin_r=70)  # room for the outside labels (141.642)
    return figure


def compliance_gauge(ratio: float | None, title: str, detail: str) -> go.Figure:
    """Reporting compliance as a 0–100 % gauge."""
    if ratio is None:
        return empty(title, "Sin actividades esperadas para este corte.")
    figure = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=float(ratio) * 100,
            number={"suffix": " %", "valueformat": ".0f"},
            gauge={
                "axis": {"range": [0, 100], "ticksuffix": " %"},
                "bar": {"color": PALETTE[0]},
                "steps": [
                    {"range": [0, 50], "color": "#f3e1ea"},
                    {"range": [50, 80], "color": "#fbeacc"},
                    {"range": [80, 100], "color": "#d4efe6"},
                ],
            },
        )
    )
    figure = styled(figure, title, height=250)
    # Room above the arc for a subtitle line (the cut-off, added by components.common.graph).
    figure.update_layout(margin={"l": 40, "r": 45, "t": 72, "b": 10}, meta={"detail": detail})
    return figure


def status_bars(frame: pd.DataFrame, category: str, title: str, source: str) -> go.Figure:
    """frame: <category>, status, activities — stacked horizontal bars per category."""
    if frame.empty or (frame["activities"] == 0).all():
        return empty(title)
    figure = go.Figure()
    categories = list(dict.fromkeys(frame[category]))
    for status in STATUS_ORDER:
        part = frame[frame["status"] == status].set_index(category).reindex(categories)
        figure.add_bar(
            y=categories,
            x=part["activities"].fillna(0),
            name=status.capitalize(),
            orientation="h",
            marker_color=STATUS_COLOURS[status],
            hovertemplate="%{y}: %{x} actividades (" + status + ")<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(tickformat=",d")
    figure.update_yaxes(autorange="reversed", tickformat=None)
    return styled(figure, title, source, height=max(260, 40 * len(categories) + 140))


def expected_vs_reported(frame: pd.DataFrame, title: str, source: str) -> go.Figure:
    """frame: label, expected, reported — grouped bars."""
    if frame.empty:
        return empty(title)
    figure = go.Figure()
    figure.add_bar(x=frame["label"], y=frame["expected"], name="Esperadas", marker_color=PALETTE[4])
    figure.add_bar(
        x=frame["label"],
        y=frame["reported"],
        name="Reportadas",
        marker_color=PALETTE[0],
        text=frame["reported"],
        textposition="outside",
    )
    figure.update_layout(barmode="group")
    figure.update_yaxes(title_text="actividades", tickformat=",d")
    return styled(figure, title, source)


def goal_progress(frame: pd.DataFrame, title: str, source: str) -> go.Figure:
    """frame: label, progress_ratio (0–1+) — progress towards each PDD goal."""
    data = frame.dropna(subset=["progress_ratio"])
    if data.empty:
        return empty(title, "No hay metas PDD con avance para estos filtros.")
    percent = data["progress_ratio"].astype(float) * 100
    figure = go.Figure(
        go.Bar(
            x=percent,
            y=data["label"],
            orientation="h",
            marker_color=PALETTE[2],
            text=percent,
            texttemplate="%{text:.0f} %",
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.0f} %<extra></extra>",
        )
    )
    figure.update_xaxes(title_text="avance hacia la meta (%)", ticksuffix=" %", tickformat=",d")
    figure.update_yaxes(autorange="reversed", tickformat=None)
    figure = styled(figure, title, source, height=max(260, 42 * len(data) + 140))
    figure.update_layout(margin_r=60)
    return figure


def breakdown_bar(frame: pd.DataFrame, dimension: str, title: str, unit: str, source: str):
    """frame: category, value — the period's figure per sex or age group."""
    data = frame.dropna(subset=["value"]) if not frame.empty else frame
    if data.empty:
        return empty(title, f"No hay datos desagregados por {dimension} para estos filtros.")
    figure = go.Figure(
        go.Bar(
            x=data["category"].astype(str),
            y=data["value"].astype(float),
            marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(data))],
            text=data["value"].astype(float),
            texttemplate="%{text:,.0f}",
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,.1~f} " + unit + "<extra></extra>",
        )
    )
    figure.update_xaxes(title_text=dimension)
    figure.update_yaxes(title_text=unit)
    return styled(figure, title, source)
