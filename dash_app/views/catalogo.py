"""Catálogo: the indicator catalogue generated from dim_indicator (never drifts from the marts)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.components.common import empty_note
from dash_app.components.table import export_buttons, grid
from dash_app.state import FilterState
from dash_app.views import common
from warehouse.formatting import format_number

PREFIX = "cat"
COLUMNS = {
    "indicator_code": "Código",
    "indicator_name": "Indicador",
    "uta_label": "UTA",
    "entity_short_name": "Entidad",
    "unit": "Unidad",
    "frequency": "Frecuencia",
    "rule_text": "Regla de agregación",
    "allowed_disaggregations": "Desagregaciones",
    "publishable_text": "Publicable",
    "goal_text": "Meta PDD",
    "definition": "Definición",
    "formula_text": "Fórmula (indicador derivado)",
}


def catalogue_frame(state: FilterState) -> pd.DataFrame:
    frame = common.catalogue(state).copy()
    frame["rule_text"] = frame["aggregation_rule"].map(common.RULE_LABELS)
    frame["publishable_text"] = frame["is_publishable"].map({True: "sí", False: "no"})
    frame["formula_text"] = frame["formula"].where(frame["formula"].notna(), "")
    frame["goal_text"] = [
        f"{format_number(v)} ({int(y)})" if pd.notna(v) and pd.notna(y) else "—"
        for v, y in zip(frame["pdd_goal_value"], frame["pdd_goal_year"], strict=False)
    ]
    return frame


def _formula(r) -> list:
    """A derived indicator's formula, written out from its dbt model's description."""
    if not r.formula_text:
        return []
    return [
        html.P(
            [html.Strong("Fórmula: "), r.formula_text],
            className="small mb-1",
            id=f"{PREFIX}-formula-{r.indicator_code}",
        )
    ]


def render(state: FilterState) -> list:
    frame = catalogue_frame(state)
    if frame.empty:
        return [empty_note("No hay indicadores para la UTA o entidad elegidas.")]
    cards = []
    for uta_label, group in frame.groupby("uta_label", sort=False):
        cards.append(html.H2(uta_label, className="h5 mt-3"))
        cards.append(
            dbc.Row(
                [
                    dbc.Col(
                        dbc.Card(
                            dbc.CardBody(
                                [
                                    html.H3(r.indicator_name, className="h6"),
                                    html.P(r.definition, className="small mb-1"),
                                    *_formula(r),
                                    html.P(
                                        f"{r.unit} · {r.rule_text} · {r.frequency} · responsable: "
                                        f"{r.entity_short_name}",
                                        className="small text-secondary mb-0",
                                    ),
                                ]
                            ),
                            className="h-100 shadow-sm",
                            id=f"{PREFIX}-card-{r.indicator_code}",
                        ),
                        lg=6,
                    )
                    for r in group.itertuples()
                ],
                className="g-2",
            )
        )
    return [
        html.P(
            f"{format_number(len(frame))} indicadores.",
            id=f"{PREFIX}-count",
            className="text-secondary",
        ),
        export_buttons(PREFIX),
        grid(f"{PREFIX}-table", frame, COLUMNS, height=420, wrap=("indicator_name",)),
        *cards,
    ]
