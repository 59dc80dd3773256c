"""The policy's progress (docs/dominio.md): weighted advance of the action plan's products against
the weighted goal, for Resumen, Plan de acción and the public page. The rule is dbt's
(mart_policy_advance); this module only lays the figures out. It imports no internal read-API
module, so the public deployment may use it."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, graph
from dash_app.components.table import grid
from dash_app.figures.avance import trajectory
from warehouse.formatting import format_number, format_percent
from warehouse.marts import avance

DECIMALS = 2  # as the Secretaría publishes it: "avance del 52,65 % frente a una meta del 53,71 %"
SOURCE = "reportes de avance de productos (mart_policy_advance)"
RULE = (
    "Cada producto aporta su avance frente a su meta (como máximo 100 % de la meta del año), "
    "ponderado por su peso en la política; un producto sin reporte aporta 0. La meta es lo "
    "programado hasta el año del corte."
)
PRODUCT_COLUMNS = {
    "product_label": "Producto",
    "uta_code": "UTA",
    "entity_short_name": "Entidad",
    "reported_text": "Reportado",
    "goal_text": "Meta del año",
    "advance_text": "Avance",
    "gap_text": "Brecha",
    "progress_note": "Nota de la entidad",
}


def percent(ratio) -> str:
    return format_percent(ratio, DECIMALS)


def _figure_line(row: dict, prefix: str) -> list:
    """'11,88 %' (id <prefix>-valor) 'frente a una meta de 17,89 %' (id <prefix>-meta)."""
    return [
        html.Div("Avance de la política", className="kpi-label small text-body-secondary"),
        html.Div(
            [
                html.Span(percent(row["advance_ratio"]), id=f"{prefix}-valor"),
                html.Span(" frente a una meta de ", className="fs-6 fw-normal"),
                html.Span(percent(row["goal_ratio"]), id=f"{prefix}-meta", className="fs-5"),
            ],
            className="kpi-value fs-3 fw-bold",
        ),
        html.Div(
            f"Corte {row['cutoff_name']} · {format_number(row['reported_products'])} de "
            f"{format_number(row['products'])} productos reportados · brecha de "
            f"{format_number(float(row['gap_ratio']) * 100, DECIMALS)} puntos.",
            className="small text-secondary",
        ),
    ]


def _uta_list(cutoff: str, prefix: str) -> html.Ul:
    rows = cached_call(avance.policy_advance, cutoff, "uta")
    return html.Ul(
        [
            html.Li(
                f"{r.scope_name}: {percent(r.advance_ratio)} de una meta de "
                f"{percent(r.goal_ratio)}",
                id=f"{prefix}-uta-{r.scope_code}",
            )
            for r in rows.itertuples()
        ],
        className="small mb-0 mt-2 list-unstyled",
    )


SCOPE_NOTE = (
    "Es la cifra de toda la política: no le aplican los filtros de localidad, entidad ni UTA."
)


def policy_card(
    cutoff: str | None, prefix: str, with_trajectory: bool = True, note: str | None = None
) -> dbc.Card:
    """The policy's figure at the cut-off, per UTA, and (optionally) its path to 2035; `note`
    says which filters do not apply."""
    row = cached_call(avance.policy_figure, cutoff) if cutoff else None
    header = dbc.CardHeader(html.H2("Avance de la política pública", className="mb-0 h5"))
    if row is None:
        note = empty_note("Sin reportes de avance de productos para el corte de este periodo.")
        return dbc.Card([header, dbc.CardBody(note)], className="mb-3 shadow-sm", id=prefix)
    summary = [*_figure_line(row, prefix), _uta_list(cutoff, prefix)]
    summary.append(
        html.P(
            " ".join(p for p in (RULE, note) if p),
            className="small fst-italic text-body-secondary mt-2 mb-0",
        )
    )
    if not with_trajectory:
        return dbc.Card([header, dbc.CardBody(summary)], className="mb-3 shadow-sm", id=prefix)
    figure = trajectory(
        cached_call(avance.goal_trajectory),
        cached_call(avance.advance_series),
        cutoff,
        "Trayectoria hacia 2035: avance ponderado y meta programada",
        SOURCE,
    )
    body = dbc.Row(
        [
            dbc.Col(summary, lg=5),
            dbc.Col(graph(f"{prefix}-trayectoria", figure, style={"height": "320px"}), lg=7),
        ],
        className="g-3",
    )
    return dbc.Card([header, dbc.CardBody(body)], className="mb-3 shadow-sm", id=prefix)


def products_frame(cutoff: str, uta: str | None, entity: str | None) -> pd.DataFrame:
    """The cut-off's products, furthest from their year's goal first, with es-CO texts."""
    frame = cached_call(avance.products, cutoff, uta, entity).copy()
    if frame.empty:
        return frame.assign(**{key: [] for key in PRODUCT_COLUMNS})
    frame["product_label"] = frame["product_code"] + " · " + frame["product_name"]
    frame["reported_text"] = [
        f"{format_number(v)} {u}" if reported else "sin reporte"
        for v, u, reported in zip(
            frame["reported_value"], frame["unit"], frame["is_reported"], strict=True
        )
    ]
    frame["goal_text"] = [format_number(v) for v in frame["year_goal"]]
    frame["advance_text"] = [
        "sin meta en el año" if pd.isna(v) else format_percent(v) for v in frame["advance_ratio"]
    ]
    frame["gap_text"] = ["—" if pd.isna(v) else format_percent(v) for v in frame["gap_ratio"]]
    return frame


def _scope_table(cutoff: str, kind: str, code: str | None, title: str, prefix: str) -> html.Div:
    """Advance and goal per UTA or per responsible entity (only the filtered one, if any)."""
    rows = cached_call(avance.policy_advance, cutoff, kind, code)
    body = [
        html.Tr(
            [
                html.Td(r.scope_name),
                html.Td(percent(r.advance_ratio), className="text-end"),
                html.Td(percent(r.goal_ratio), className="text-end"),
            ]
        )
        for r in rows.itertuples()
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th(title),
                html.Th("Avance", className="text-end"),
                html.Th("Meta", className="text-end"),
            ]
        )
    )
    return html.Div(
        dbc.Table([head, html.Tbody(body)], size="sm", className="small mb-2"),
        id=f"{prefix}-{kind}",
        className="table-responsive",
    )


def products_section(cutoff: str, cutoff_name: str, uta: str | None, entity: str | None, prefix):
    """Plan de acción: advance per UTA and entity, and the products ranked by gap to goal."""
    frame = products_frame(cutoff, uta, entity)
    table = (
        grid(f"{prefix}-productos", frame, PRODUCT_COLUMNS, wrap=("product_label", "progress_note"))
        if not frame.empty
        else empty_note("Ningún producto del plan de acción para la UTA o entidad elegidas.")
    )
    return dbc.Card(
        [
            dbc.CardHeader(
                html.H2(
                    f"Avance de productos frente a la meta · corte {cutoff_name}",
                    className="h5 mb-0",
                )
            ),
            dbc.CardBody(
                [
                    dbc.Row(
                        [
                            dbc.Col(_scope_table(cutoff, "uta", uta, "UTA", prefix), md=6),
                            dbc.Col(
                                _scope_table(
                                    cutoff, "entidad", entity, "Entidad responsable", prefix
                                ),
                                md=6,
                            ),
                        ]
                    ),
                    html.P(
                        "Productos de mayor a menor brecha frente a la meta del año (avance sin "
                        "tope: un producto puede superar el 100 %). " + RULE,
                        className="small text-body-secondary",
                    ),
                    table,
                ]
            ),
        ],
        className="mb-3 shadow-sm",
        id=f"{prefix}-avance",
    )
