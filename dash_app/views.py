"""Plain functions behind the pages (importable without a running app, tested directly)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from dash_app.data import indicators as marts
from dash_app.figures import monthly_bar
from dash_app.formatting import format_month_range, format_number

RULE_LABELS = {
    "sum": "suma de los meses del periodo",
    "avg": "promedio mensual del periodo",
    "last": "valor al último mes con dato del periodo",
}


@dataclass(frozen=True)
class IndicatorView:
    value_text: str
    footnote: str
    figure: go.Figure


def indicator_view(
    code: str, start: date, end: date, localities: list[str] | None
) -> IndicatorView:
    catalogue = marts.indicators().set_index("indicator_code")
    name, unit = catalogue.loc[code, "indicator_name"], catalogue.loc[code, "unit"]
    figure_value = marts.indicator_figure(code, start, end, localities)
    if figure_value.value is None:
        value_text = "Sin datos"
        footnote = "No hay datos para estos filtros."
    else:
        value_text = format_number(figure_value.value)
        months = format_month_range(figure_value.first_month, figure_value.last_month)
        footnote = f"{unit}; {RULE_LABELS[figure_value.aggregation_rule]} ({months})."
    frame = marts.monthly_totals(code, start, end, localities)
    title = f"{name} por mes"
    return IndicatorView(value_text, footnote, monthly_bar(frame, title, unit))
