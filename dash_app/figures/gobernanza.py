"""Committee and governance charts: attendance per session and MGI-domain maturity scores."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dash_app.figures.base import MUTED, PALETTE, empty, styled
from warehouse.formatting import format_date, format_month, format_percent

MATURITY_TITLE = "Madurez de la gobernanza migratoria por dominio MGI"
ATTENDANCE_TITLE = "Entidades que asisten por sesión del comité"


def _wrap(label: str, width: int = 34) -> str:
    return "<br>".join(textwrap.wrap(str(label), width)) or str(label)


def maturity_bars(
    frame: pd.DataFrame, levels: pd.DataFrame, source: str, note: str | None = None
) -> go.Figure:
    """frame: assessment_month, domain_code, domain_name, score (0–1), level_name.
    levels: level_name, min_score (0–1), the project's scale (marts.dim_maturity_level).

    Horizontal bars, one group per domain and one colour per assessment month (oldest first),
    with the lower bound of each level above the first as a dotted line.
    """
    if frame.empty:
        return empty(MATURITY_TITLE, "No hay evaluaciones de madurez en el almacén.")
    data = frame.assign(
        score=pd.to_numeric(frame["score"], errors="coerce"),
        label=frame["domain_name"].map(_wrap),
    )
    domains = list(dict.fromkeys(data["label"]))
    figure = go.Figure(_assessment_bars(data, domains))
    _level_bounds(figure, levels)
    figure.update_layout(barmode="group", bargap=0.25)
    figure.update_xaxes(
        range=[0, 108],
        tickvals=[0, 25, 50, 75, 100],
        ticktext=["0 %", "25 %", "50 %", "75 %", "100 %"],
        title_text="Puntaje (%)",
    )
    # Top-to-bottom in the domains' own order (MGI 1 first).
    figure.update_yaxes(autorange="reversed", tickformat=None)
    figure = styled(figure, MATURITY_TITLE, source, height=120 + 70 * len(domains), note=note)
    # Room for the level names above the plot, under the title and source.
    figure.update_layout(margin={"l": 240, "t": figure.layout.margin.t + 18})
    return figure


def _assessment_bars(data: pd.DataFrame, domains: list[str]) -> list[go.Bar]:
    """One horizontal bar trace per assessment month (oldest first; the latest muted)."""
    months = sorted(data["assessment_month"].unique())
    colours = [MUTED] if len(months) == 1 else [*PALETTE[1 : len(months)], MUTED]
    traces = []
    for month, colour in zip(months, colours, strict=False):
        part = data[data["assessment_month"] == month].set_index("label").reindex(domains)
        percent = part["score"] * 100
        traces.append(
            go.Bar(
                name=f"Evaluación {format_month(month)}",
                y=domains,
                x=percent.tolist(),  # plain numbers in the browser, not base64
                orientation="h",
                marker_color=colour,
                customdata=part["level_name"].fillna("—"),
                text=[format_percent(v / 100) if pd.notna(v) else "" for v in percent],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x:.0f} % (%{customdata})<extra>"
                + format_month(month)
                + "</extra>",
            )
        )
    return traces


def _level_bounds(figure: go.Figure, levels: pd.DataFrame) -> None:
    """The lower bound of each level above the first: a dotted line named above the plot."""
    for row in levels.itertuples():
        if float(row.min_score) <= 0:
            continue
        bound = float(row.min_score) * 100
        figure.add_vline(x=bound, line_dash="dot", line_color="#777", line_width=1)
        figure.add_annotation(
            x=bound,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            text=row.level_name,
            showarrow=False,
            font={"size": 10, "color": "#555"},
        )


def attendance_bars(frame: pd.DataFrame, source: str, selected=None) -> go.Figure:
    """frame: session_date, member_entities, attending_entities, quorum_required, has_quorum.

    One bar per session (chronological), the quorum needed as a line; the chosen session darker.
    """
    title = ATTENDANCE_TITLE
    if frame.empty:
        return empty(title, "No hay sesiones del comité registradas.")
    data = frame.sort_values("session_date")
    labels = [format_date(d) for d in data["session_date"]]
    colours = [
        PALETTE[0] if selected is not None and d == selected else PALETTE[4]
        for d in data["session_date"]
    ]
    quorum_text = ["con quórum" if q else "sin quórum" for q in data["has_quorum"]]
    figure = go.Figure(
        [
            go.Bar(
                name="Entidades que asisten",
                x=labels,
                y=data["attending_entities"],
                marker_color=colours,
                customdata=list(zip(data["member_entities"], quorum_text, strict=False)),
                text=data["attending_entities"],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{y} de %{customdata[0]} entidades (%{customdata[1]})"
                "<extra></extra>",
            ),
            go.Scatter(
                name="Quórum requerido",
                x=labels,
                y=data["quorum_required"],
                mode="lines+markers",
                line={"color": PALETTE[5], "dash": "dash"},
                marker={"symbol": "line-ew-open", "size": 14},
                hovertemplate="Quórum requerido: %{y}<extra></extra>",
            ),
        ]
    )
    top = int(pd.to_numeric(data["member_entities"]).max())
    figure.update_yaxes(range=[0, top + 2], title_text="Entidades", dtick=5)
    figure.update_xaxes(type="category")
    return styled(figure, title, source, height=320)
