"""Entidades: one profile per entity — its indicators, activities, deliveries and timeliness."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note
from dash_app.components.filter_bar import dropdown
from dash_app.state import FilterState
from dash_app.views import common
from warehouse.formatting import format_datetime, format_number
from warehouse.marts import calidad, reference

PREFIX = "ent"
ID_SELECT = f"{PREFIX}-select"
STATUS_BADGE = {
    "totalmente ejecutada": "success",
    "iniciada": "warning",
    "no iniciada": "secondary",
    "no reportada": "light",
}


def indicator_rows(entity: str, state: FilterState) -> pd.DataFrame:
    catalogue = common.catalogue(state.with_changes(entity=entity))
    rows = []
    for row in catalogue.itertuples():
        result = common.indicator_figure(row.indicator_code, state.with_changes(entity=entity))
        rows.append(
            {
                "indicator_code": row.indicator_code,
                "indicator_name": row.indicator_name,
                "value": result["value"],
                "value_text": common.figure_text(result, row.ratio_per),
                "unit": row.unit,
            }
        )
    return pd.DataFrame(
        rows, columns=["indicator_code", "indicator_name", "value", "value_text", "unit"]
    )


def render(state: FilterState) -> list:
    entities = cached_call(reference.entities)
    options = [{"label": r.entity_name, "value": r.entity_code} for r in entities.itertuples()]
    select = dbc.Row(
        dbc.Col(
            [
                dbc.Label("Entidad", className="small fw-semibold"),
                dropdown(ID_SELECT, options, "Elija una entidad…", value=state.entity),
            ],
            lg=6,
        ),
        className="mb-3",
    )
    if not state.entity:
        return [select, _overview(entities)]
    entity = entities.set_index("entity_code").loc[state.entity]
    return [
        select,
        html.H2(entity["entity_name"], className="h4", id=f"{PREFIX}-title"),
        dbc.Row(
            [
                dbc.Col(_indicators(state), lg=6),
                dbc.Col(_deliveries(state), lg=6),
            ],
            className="g-3 mb-3",
        ),
        _activities(state),
    ]


def _overview(entities: pd.DataFrame):
    freshness = cached_call(calidad.entity_freshness)
    merged = (
        entities.merge(
            freshness[["entity_code", "last_accepted_at", "is_stale"]], on="entity_code", how="left"
        )
        if not freshness.empty
        else entities
    )
    rows = [
        html.Tr(
            [
                html.Td(r.entity_name),
                html.Td(
                    format_datetime(getattr(r, "last_accepted_at", None))
                    if pd.notna(getattr(r, "last_accepted_at", None))
                    else "Sin entregas"
                ),
            ]
        )
        for r in merged.itertuples()
    ]
    return html.Div(
        [
            dbc.Alert(
                "Elija una entidad (aquí o en el filtro global) para ver su perfil.", color="info"
            ),
            dbc.Table(
                [
                    html.Thead(html.Tr([html.Th("Entidad"), html.Th("Última entrega aceptada")])),
                    html.Tbody(rows),
                ],
                size="sm",
                responsive=True,
                striped=True,
                className="small",
            ),
        ]
    )


def _indicators(state: FilterState):
    frame = indicator_rows(state.entity, state)
    if frame.empty:
        body = empty_note("Esta entidad no tiene indicadores en el catálogo para estos filtros.")
    else:
        body = dbc.Table(
            [
                html.Thead(
                    html.Tr(
                        [
                            html.Th("Indicador"),
                            html.Th("Cifra", className="text-end"),
                            html.Th("Unidad"),
                        ]
                    )
                ),
                html.Tbody(
                    [
                        html.Tr(
                            [
                                html.Td(r.indicator_name),
                                html.Td(
                                    r.value_text,
                                    className="text-end",
                                    id=f"{PREFIX}-value-{r.indicator_code}",
                                ),
                                html.Td(r.unit),
                            ]
                        )
                        for r in frame.itertuples()
                    ]
                ),
            ],
            size="sm",
            responsive=True,
            striped=True,
            className="small mb-0",
        )
    return dbc.Card(
        [dbc.CardHeader(f"Indicadores · {state.period_label}"), dbc.CardBody(body)],
        className="shadow-sm h-100",
    )


def _deliveries(state: FilterState):
    freshness = cached_call(calidad.entity_freshness, state.entity)
    deliveries = cached_call(calidad.deliveries, state.entity, None, None)
    lines = []
    if not freshness.empty:
        r = freshness.iloc[0]
        stale = "con retraso" if r["is_stale"] else "al día"
        lines.append(
            html.P(
                f"Última entrega aceptada: {format_datetime(r['last_accepted_at'])} ({stale}). "
                f"Aceptadas: {format_number(r['accepted_deliveries'])} · rechazadas: "
                f"{format_number(r['rejected_deliveries'])}.",
                className="small",
            )
        )
    if deliveries.empty:
        lines.append(empty_note("Sin entregas registradas."))
    else:
        lines.append(
            dbc.Table(
                [
                    html.Thead(
                        html.Tr(
                            [
                                html.Th("Recibida"),
                                html.Th("Archivo"),
                                html.Th("Estado"),
                                html.Th("Filas", className="text-end"),
                            ]
                        )
                    ),
                    html.Tbody(
                        [
                            html.Tr(
                                [
                                    html.Td(format_datetime(r.received_at)),
                                    html.Td(r.file_name),
                                    html.Td(r.status),
                                    html.Td(format_number(r.row_count), className="text-end"),
                                ]
                            )
                            for r in deliveries.head(15).itertuples()
                        ]
                    ),
                ],
                size="sm",
                responsive=True,
                striped=True,
                className="small mb-0",
            )
        )
    return dbc.Card(
        [dbc.CardHeader("Entregas y oportunidad"), dbc.CardBody(lines)], className="shadow-sm h-100"
    )


def _activities(state: FilterState):
    cutoff, cutoff_name = common.cutoff_for(state)
    if cutoff is None:
        return empty_note("Ningún corte de seguimiento cae en el periodo elegido.")
    frame = common.activities_at_cutoff(cutoff, state)
    if frame.empty:
        return empty_note("Esta entidad no lidera ni corresponde actividades en este corte.")
    items = [
        dbc.ListGroupItem(
            [
                dbc.Badge(
                    r.status,
                    color=STATUS_BADGE.get(r.status, "light"),
                    text_color="dark" if r.status in ("iniciada", "no reportada") else None,
                    className="me-2",
                ),
                html.Span(f"{r.activity_code} · {r.activity_name}"),
                html.Div(r.progress_note or "", className="small text-secondary"),
            ]
        )
        for r in frame.itertuples()
    ]
    return dbc.Card(
        [
            dbc.CardHeader(f"Actividades del plan · corte {cutoff_name}"),
            dbc.ListGroup(items, flush=True),
        ],
        className="shadow-sm",
    )
