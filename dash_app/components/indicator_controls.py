"""The indicator selector row of the explorer pages (Indicadores, Territorio): a searchable
indicator dropdown followed by the page's own radio choices."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.components.filter_bar import dropdown


@dataclass(frozen=True)
class Choice:
    """One group of radio buttons: label, id, chosen value, options, Bootstrap `lg` width and
    the text shown instead when there is nothing to choose."""

    label: str
    component_id: str
    value: str | None
    options: list[dict]
    width: int
    when_empty: str | None = None


def indicator_options(catalogue: pd.DataFrame) -> list[dict]:
    """Grouped by UTA in the label ('UTA 1 – … · name'); the search matches both."""
    return [
        {
            "label": f"{row.uta_label} · {row.indicator_name}",
            "value": row.indicator_code,
            "search": f"{row.indicator_name} {row.uta_label} {row.indicator_code}",
        }
        for row in catalogue.itertuples()
    ]


def _choice_column(choice: Choice) -> dbc.Col:
    children = [
        dbc.Label(choice.label, className="small fw-semibold d-block"),
        dbc.RadioItems(
            id=choice.component_id, value=choice.value, inline=True, options=choice.options
        ),
    ]
    if choice.when_empty:
        note = html.Div(choice.when_empty, className="small")
        children.append(None if choice.options else note)
    return dbc.Col(children, lg=choice.width)


def indicator_selector_row(
    select_id: str,
    catalogue: pd.DataFrame,
    code: str,
    choices: list[Choice],
    select_width: int,
    class_name: str = "g-2 mb-3",
) -> dbc.Row:
    """The indicator dropdown (id `select_id`, value `code`) and one column per choice."""
    select = dbc.Col(
        [
            dbc.Label("Indicador", className="small fw-semibold"),
            dropdown(
                select_id,
                indicator_options(catalogue),
                "Buscar un indicador…",
                value=code,
                clearable=False,
                searchable=True,
            ),
        ],
        lg=select_width,
    )
    return dbc.Row([select, *(_choice_column(c) for c in choices)], className=class_name)
