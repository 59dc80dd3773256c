"""Barreras y avances: identified barriers and highlighted activities, searchable."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note
from dash_app.components.table import export_buttons
from dash_app.state import FilterState
from dash_app.views import common
from warehouse.formatting import format_number
from warehouse.marts import barreras

PREFIX = "barr"
ID_SEARCH, ID_KIND, ID_RESULTS = f"{PREFIX}-search", f"{PREFIX}-kind", f"{PREFIX}-results"
K_SEARCH, K_KIND = "buscar", "tipo"
KINDS = {"todo": "Todo", "barrera": "Barreras", "actividad destacada": "Actividades destacadas"}
MAX_SEARCH = 80
EXPORT = "bar"  # its download: bar-csv, bar-xlsx, bar-download (auth/registry.py)
EXPORT_COLUMNS = {
    "cutoff_name": "Corte",
    "uta_label": "UTA",
    "item_kind": "Tipo",
    "entity_short_name": "Entidad",
    "item_text": "Texto",
}


def clean_search(value: object) -> str | None:
    """The search text as typed, trimmed and bounded (it only reaches SQL as a bound parameter)."""
    if not isinstance(value, str):
        return None
    value = value.strip()[:MAX_SEARCH]
    return value or None


def items(state: FilterState, search: str | None, kind: str | None) -> pd.DataFrame:
    cutoff, _ = common.cutoff_for(state)
    return cached_call(
        barreras.barriers,
        cutoff_code=cutoff,
        uta_code=state.uta,
        entity_code=state.entity,
        item_kind=kind if kind in barreras.ITEM_KINDS else None,
        search=search,
    )


def render(state: FilterState, search: str | None, kind: str | None) -> list:
    kind = kind if kind in KINDS else "todo"
    cutoff, cutoff_name = common.cutoff_for(state)
    frame = items(state, search, kind)
    controls = dbc.Row(
        [
            dbc.Col(
                dcc.Input(
                    id=ID_SEARCH,
                    type="search",
                    value=search or "",
                    debounce=True,
                    placeholder="Buscar en el texto (p. ej. «regularización»)…",
                    className="form-control",
                    maxLength=MAX_SEARCH,
                ),
                lg=6,
            ),
            dbc.Col(
                dbc.RadioItems(
                    id=ID_KIND,
                    value=kind,
                    inline=True,
                    options=[{"label": v, "value": k} for k, v in KINDS.items()],
                ),
                lg=6,
                className="d-flex align-items-center",
            ),
        ],
        className="g-2 mb-3",
    )
    header = html.P(
        f"{format_number(len(frame))} elementos · corte {cutoff_name or 'sin corte en el periodo'}",
        className="small text-secondary mb-0",
        id=f"{PREFIX}-count",
    )
    exports = export_buttons(EXPORT) if not frame.empty else None
    top = html.Div([header, exports], className="d-flex flex-wrap align-items-center gap-2 mb-2")
    return [controls, top, _results(frame, cutoff)]


def _results(frame: pd.DataFrame, cutoff: str | None):
    if cutoff is None:
        return empty_note("Ningún corte de seguimiento cae en el periodo elegido.")
    if frame.empty:
        return empty_note("No hay barreras ni actividades destacadas que coincidan.")
    sections = []
    for uta_label, group in frame.groupby("uta_label", sort=False, dropna=False):
        cards = []
        for kind, label, colour in (
            ("barrera", "Barreras identificadas", "danger"),
            ("actividad destacada", "Actividades destacadas", "success"),
        ):
            part = group[group["item_kind"] == kind]
            if part.empty:
                continue
            cards.append(
                dbc.Col(
                    dbc.Card(
                        [
                            dbc.CardHeader(label, className=f"text-{colour}-emphasis fw-semibold"),
                            dbc.ListGroup(
                                [
                                    dbc.ListGroupItem(
                                        [
                                            html.Div(r.item_text),
                                            html.Small(
                                                r.entity_short_name or "",
                                                className="text-secondary",
                                            ),
                                        ]
                                    )
                                    for r in part.itertuples()
                                ],
                                flush=True,
                            ),
                        ],
                        className="shadow-sm h-100",
                    ),
                    lg=6,
                )
            )
        sections.append(
            html.Div(
                [
                    html.H2(uta_label or "Sin UTA", className="h5 mt-2"),
                    dbc.Row(cards, className="g-3"),
                ],
                className="mb-3",
            )
        )
    return html.Div(sections, id=ID_RESULTS)
