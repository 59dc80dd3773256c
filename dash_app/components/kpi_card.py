"""KPI card: a big formatted figure with its label and a footnote."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html


def kpi_card(label: str, value_text: str, footnote: str, value_id: str | None = None) -> dbc.Card:
    value_props = {"id": value_id} if value_id else {}
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(label, className="text-muted small text-uppercase"),
                html.Div(value_text, className="display-6 fw-bold", **value_props),
                html.Div(footnote, className="small text-secondary"),
            ]
        ),
        className="shadow-sm h-100",
    )
