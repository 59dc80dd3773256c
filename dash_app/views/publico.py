"""Datos públicos: publishable indicators by cut-off and locality, small counts suppressed in dbt
(mart_public_locality_figures); this view only labels what the mart withheld."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note
from dash_app.components.table import export_buttons, grid
from dash_app.state import FilterState
from dash_app.views.avance import policy_card
from warehouse.formatting import RULE_LABELS, format_figure, format_month_range, format_number
from warehouse.marts import publico, reference

PREFIX = "pub"
ID_CUTOFF = f"{PREFIX}-cutoff"
RESERVED = "reservada"
ROW_HEIGHT = 32
KIND_LABELS = {
    "distrito": "Distrito (sin localidad asignada)",
    "desconocida": "Sin información de localidad",
}
GRID_COLUMNS = {"locality_label": "Localidad", "figure": "Cifra"}
REVIEW_NOTE = (
    "Solo entregas validadas por la Secretaría Técnica («validado»): una entrega nueva aparece "
    "aquí cuando se valida."
)
EXPORT_COLUMNS = {
    "cutoff_name": "Corte",
    "indicator_name": "Indicador",
    "unit": "Unidad",
    "locality_label": "Ámbito",
    "figure_export": "Cifra",
}


def available_cutoffs() -> pd.DataFrame:
    return cached_call(publico.cutoffs)


def _cutoff_of_period(state: FilterState) -> str | None:
    """The latest cut-off overlapping the period (the public app imports no internal view)."""
    cutoffs = cached_call(reference.cutoffs)
    overlapping = cutoffs[
        (cutoffs["start_month"] <= state.end) & (cutoffs["end_month"] >= state.start)
    ]
    if overlapping.empty:
        return None
    return overlapping.sort_values("end_month").iloc[-1]["cutoff_code"]


def chosen_cutoff(state: FilterState) -> str | None:
    """The cut-off of the global period (as on the other pages), else the latest one published."""
    options = available_cutoffs()
    if options.empty:
        return None
    code = _cutoff_of_period(state)
    codes = list(options["cutoff_code"])
    return code if code in codes else codes[0]


def shown_figure(row) -> str:
    """'806.728', '< 10' (below the threshold) or 'reservada' (withheld to protect another).
    A withheld district total reads 'reservada' whatever the reason: saying that it is 10 or more
    would narrow the localities withheld under it (macro public_suppression)."""
    if row.suppression_reason == "primaria" and not row.is_district_total:
        return f"< {format_number(row.min_count)}"
    if row.is_suppressed:
        return RESERVED
    return format_figure(row.figure, row.ratio_per)  # a derived ratio: '32,5 %


def _export_value(row):
    """Published figures as whole numbers (as shown); withheld ones keep their marker; a
    derived ratio as shown ('32,5 %', '0,9 por 1.000')."""
    if row.is_suppressed or row.aggregation_rule == "ratio" or row.figure is None:
        return shown_figure(row)
    return int(Decimal(str(row.figure)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def figures_frame(cutoff: str) -> pd.DataFrame:
    frame = cached_call(publico.figures, cutoff).copy()
    if frame.empty:
        return frame.assign(locality_label=[], figure_text=[], figure_export=[])
    frame["locality_label"] = [
        KIND_LABELS.get(kind, name)
        for kind, name in zip(frame["locality_kind"], frame["locality_name"], strict=True)
    ]
    frame["figure_text"] = [shown_figure(r) for r in frame.itertuples()]
    frame["figure_export"] = [_export_value(r) for r in frame.itertuples()]
    return frame


def legend(min_count: int) -> dbc.Alert:
    threshold = format_number(min_count)
    return dbc.Alert(
        [
            html.Strong("Cómo leer las cifras. "),
            html.Span(
                f"«< {threshold}»: la cifra es menor que {threshold} y no se publica, porque "
                "una cifra tan pequeña en una localidad podría identificar a una persona. "
            ),
            html.Span(
                f"«{RESERVED}» en una localidad: una cifra de {threshold} o más que también se "
                "oculta, porque con el total del Distrito y las demás cifras se podría deducir "
                f"o acotar una cifra menor que {threshold}. "
            ),
            html.Span(
                f"El total del Distrito se publica salvo que sea menor que {threshold} o que "
                "haga falta ocultarlo para proteger las localidades; entonces se lee "
                f"«{RESERVED}». "
                "Las descargas conservan las cifras ocultas."
            ),
            html.Span(" " + REVIEW_NOTE),
        ],
        color="info",
        className="small",
        id=f"{PREFIX}-legend",
    )


def selector(options: pd.DataFrame, cutoff: str) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label("Corte de seguimiento", html_for=ID_CUTOFF, className="small mb-1"),
                    dcc.Dropdown(
                        id=ID_CUTOFF,
                        options=[
                            {"label": r.cutoff_name, "value": r.cutoff_code}
                            for r in options.itertuples()
                        ],
                        value=cutoff,
                        clearable=False,
                    ),
                ],
                md=4,
            ),
            dbc.Col(
                export_buttons(PREFIX), md=8, className="d-flex align-items-end justify-content-end"
            ),
        ],
        className="g-2 mb-2 align-items-end",
    )


def _locality_grid(code: str, rows: pd.DataFrame):
    # As tall as its rows, up to ten of them (header 48 px, rows 32 px): no empty box below.
    height = 50 + ROW_HEIGHT * min(len(rows), 10)
    table = grid(f"{PREFIX}-table-{code}", rows, GRID_COLUMNS, numeric=("figure",), height=height)
    # The cell shows the es-CO text ('1.214', '< 10', 'reservada'); it sorts by the number.
    table.columnDefs[1]["valueFormatter"] = {"function": "params.data.figure_text"}
    table.dashGridOptions = {**table.dashGridOptions, "pagination": False, "rowHeight": ROW_HEIGHT}
    table.rowData = [
        {**row, "figure_text": text}
        for row, text in zip(table.rowData, rows["figure_text"], strict=True)
    ]
    return table


def indicator_card(code: str, rows: pd.DataFrame) -> dbc.Card:
    district = rows[rows["is_district_total"].astype(bool)]
    localities = rows[~rows["is_district_total"].astype(bool)]
    first = rows.iloc[0]
    rule = RULE_LABELS.get(first["aggregation_rule"], first["aggregation_rule"])
    total_text = "Sin datos" if district.empty else district.iloc[0]["figure_text"]
    body = [
        html.Div("Total del Distrito", className="kpi-label small text-body-secondary"),
        html.Div(total_text, className="kpi-value fs-3 fw-bold", id=f"{PREFIX}-total-{code}"),
        html.Div(
            f"{first['unit']}; {rule} "
            f"({format_month_range(first['window_start_month'], first['window_end_month'])}).",
            className="small text-secondary mb-2",
            id=f"{PREFIX}-note-{code}",
        ),
        _locality_grid(code, localities)
        if not localities.empty
        else empty_note("Sin cifras por localidad en este corte."),
    ]
    return dbc.Card(
        [
            dbc.CardHeader(html.H2(first["indicator_name"], className="h6 mb-0")),
            dbc.CardBody(body),
        ],
        className="shadow-sm h-100",
        id=f"{PREFIX}-card-{code}",
    )


def render(state: FilterState) -> list:
    options = available_cutoffs()
    cutoff = chosen_cutoff(state)
    if cutoff is None:
        return [empty_note("Aún no hay cifras publicadas.")]
    frame = figures_frame(cutoff)
    if frame.empty:
        return [selector(options, cutoff), empty_note("No hay cifras publicadas para este corte.")]
    cards = [
        dbc.Col(indicator_card(code, rows), lg=6)
        for code, rows in frame.groupby("indicator_code", sort=False)
    ]
    return [
        selector(options, cutoff),
        policy_card(cutoff, f"{PREFIX}-avance", with_trajectory=False),
        legend(int(frame["min_count"].iloc[0])),
        dbc.Row(cards, className="g-3"),
    ]
