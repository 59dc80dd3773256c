"""Resumen: one indicator's figure and monthly series, filtered by locality and period."""

from __future__ import annotations

from datetime import date

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dash_app.components.kpi_card import kpi_card
from dash_app.data import indicators as marts
from dash_app.views import indicator_view

dash.register_page(__name__, path="/", name="Resumen", title="Resumen – Tablero Migrante")

IDS = {
    "indicator": "resumen-indicator",
    "locality": "resumen-locality",
    "start": "resumen-start",
    "end": "resumen-end",
    "kpi": "resumen-kpi",
    "chart": "resumen-chart",
}


def layout(**_query: str) -> dbc.Container:
    indicators = marts.indicators()
    localities = marts.localities()
    months = marts.data_months()
    month_options = [
        {"label": row.month_label, "value": row.period_month.isoformat()}
        for row in months.itertuples()
    ]
    first = month_options[0]["value"] if month_options else None
    last = month_options[-1]["value"] if month_options else None
    filters = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label("Indicador"),
                    dcc.Dropdown(
                        id=IDS["indicator"],
                        options=[
                            {"label": r.indicator_name, "value": r.indicator_code}
                            for r in indicators.itertuples()
                        ],
                        value=indicators["indicator_code"].iloc[0]
                        if not indicators.empty
                        else None,
                        clearable=False,
                    ),
                ],
                md=5,
            ),
            dbc.Col(
                [
                    dbc.Label("Localidad"),
                    dcc.Dropdown(
                        id=IDS["locality"],
                        options=[
                            {"label": r.locality_name, "value": r.locality_code}
                            for r in localities.itertuples()
                        ],
                        multi=True,
                        placeholder="Todo el Distrito",
                    ),
                ],
                md=3,
            ),
            dbc.Col(
                [
                    dbc.Label("Desde"),
                    dcc.Dropdown(
                        id=IDS["start"], options=month_options, value=first, clearable=False
                    ),
                ],
                md=2,
            ),
            dbc.Col(
                [
                    dbc.Label("Hasta"),
                    dcc.Dropdown(id=IDS["end"], options=month_options, value=last, clearable=False),
                ],
                md=2,
            ),
        ],
        className="g-3 mb-3",
    )
    return dbc.Container(
        [
            html.H1("Resumen", className="h3 mb-3"),
            filters,
            dbc.Row(
                [
                    dbc.Col(html.Div(id=IDS["kpi"]), md=4),
                    dbc.Col(dcc.Graph(id=IDS["chart"], config={"locale": "es"}), md=8),
                ],
                className="g-3",
            ),
        ],
        fluid=True,
    )


@callback(
    Output(IDS["kpi"], "children"),
    Output(IDS["chart"], "figure"),
    Input(IDS["indicator"], "value"),
    Input(IDS["locality"], "value"),
    Input(IDS["start"], "value"),
    Input(IDS["end"], "value"),
)
def update(indicator: str, localities: list[str] | None, start: str, end: str):
    if not indicator or not start or not end:
        return html.Div("No hay datos cargados todavía."), {}
    view = indicator_view(
        indicator, date.fromisoformat(start), date.fromisoformat(end), localities or None
    )
    card = kpi_card("Cifra del periodo", view.value_text, view.footnote, value_id="kpi-value")
    return card, view.figure
