"""Small typed building blocks shared by pages: headers, filter chips, notes and graphs."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html

from dash_app.components.chart_table import data_details
from dash_app.state import FilterState, names, to_query
from warehouse.text import fold

# Buttons that could send a chart to a host other than this server (Plotly's cloud, Chart
# Studio): none is shown, and plotlyServerURL is empty so that nothing has a destination.
CLOUD_BUTTONS = ["sendDataToCloud", "sendChartToCloud", "editInChartStudio"]
GRAPH_CONFIG = {
    "locale": "es",  # assets/plotly-locale-es.js: modebar, notices, months, separators
    "displaylogo": False,
    "showLink": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "plotlyServerURL": "",
    "linkText": "",
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "grafica"},
    "modeBarButtonsToRemove": ["lasso2d", "select2d", *CLOUD_BUTTONS],
    # Geo maps draw only our own GeoJSON; this empty base map keeps plotly off its CDN.
    "topojsonURL": "/assets/topojson/",
}


def file_slug(text: str, limit: int = 90) -> str:
    """'Atendidos · Kennedy · ene–may 2024' → 'atendidos_kennedy_ene_may_2024'."""
    folded = fold(text)
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:limit].rstrip("_") or "grafica"


def filters_text(state: FilterState, uses_locality: bool = True) -> str:
    """The filters and period a figure holds, in words: 'Kennedy · Entidad: SDG · ene–may 2024'."""
    parts = []
    if uses_locality:
        localities = names.locality_names()
        chosen = [localities.get(code, code) for code in state.localities]
        parts.append(", ".join(chosen) if chosen else "Todo el Distrito")
    if state.entity:
        parts.append("Entidad: " + names.entity_names().get(state.entity, state.entity))
    if state.uta:
        parts.append(names.uta_names().get(state.uta, state.uta))
    parts.append(state.period_label)
    if state.validated_only:
        parts.append("Solo entregas validadas")
    return " · ".join(parts)


def _title_text(figure: go.Figure) -> str:
    title = figure.layout.title
    return (title.text or "") if title else ""


def graph(component_id: str | dict, figure: go.Figure, scope: str | None = None, **kwargs):
    """A Plotly graph in Spanish with nothing that leaves the server. `scope` (indicator, filters,
    period) heads the subtitle, so the downloaded PNG and its file name say what it holds; the
    wrapper names the chart for screen readers (role figure, the title as its label)."""
    title = _title_text(figure)
    if scope:
        subtitle = figure.layout.title.subtitle.text if figure.layout.title.subtitle else None
        figure.update_layout(title_subtitle_text=" · ".join(p for p in (scope, subtitle) if p))
    config = {
        **GRAPH_CONFIG,
        "toImageButtonOptions": {
            **GRAPH_CONFIG["toImageButtonOptions"],
            "filename": file_slug(" ".join(p for p in (title, scope) if p)),
        },
    }
    label = " · ".join(p for p in (title, scope) if p) or "Gráfica"
    # its text alternative: the values it draws, in a folded table under it
    details = data_details(figure, label)
    return html.Div(
        [dcc.Graph(id=component_id, figure=figure, config=config, **kwargs)]
        + ([details] if details is not None else []),
        role="figure",
        className="chart",
        **{"aria-label": f"Gráfica: {label}"},
    )


def page_header(title: str, lead: str, scope: str | None = None) -> html.Div:
    """Title, one sentence on what the page shows, and which global filters apply to it."""
    children = [html.H1(title, className="h3 mb-1"), html.P(lead, className="text-secondary mb-1")]
    if scope:
        children.append(html.P(scope, className="small text-body-secondary fst-italic mb-2"))
    return html.Div(children, className="page-header mb-2")


def filter_chips(
    state: FilterState,
    path: str,
    locality_names: dict[str, str],
    entity_names: dict[str, str],
    uta_names: dict[str, str],
    extra: dict[str, str | None] | None = None,
    uses_period: bool = True,
    uses_locality: bool = True,
) -> html.Div:
    """The active filters as chips; each chip is a link to the same view without it."""
    chips = []
    if uses_period:
        chips.append(
            dbc.Badge(
                f"Periodo: {state.period_label}",
                color="light",
                text_color="dark",
                className="me-1 border",
            )
        )

    def removable(label: str, without: FilterState, chip_id: str) -> html.A:
        return html.A(
            [label, html.Span(" ✕", **{"aria-hidden": "true"})],
            href=path + to_query(without, extra),
            className="badge rounded-pill text-bg-primary text-decoration-none me-1 filter-chip",
            title="Quitar este filtro",
            id=chip_id,
        )

    for code in state.localities:
        rest = tuple(c for c in state.localities if c != code)
        chips.append(
            removable(
                f"Localidad: {locality_names.get(code, code)}",
                state.with_changes(localities=rest),
                f"chip-localidad-{code}",
            )
        )
    if state.entity:
        chips.append(
            removable(
                f"Entidad: {entity_names.get(state.entity, state.entity)}",
                state.with_changes(entity=None),
                "chip-entidad",
            )
        )
    if state.uta:
        chips.append(
            removable(
                f"{uta_names.get(state.uta, state.uta)}", state.with_changes(uta=None), "chip-uta"
            )
        )
    if not state.localities and uses_period and uses_locality:
        chips.append(
            dbc.Badge("Todo el Distrito", color="light", text_color="dark", className="me-1 border")
        )
    return html.Div(chips, className="mb-3 filter-chips", id="filter-chips")


def page_chips(state: FilterState, path: str, extras: dict | None = None, **options) -> html.Div:
    """filter_chips with the names of localities, entities and UTAs filled in (and a chip when
    «solo validados» is on)."""
    chips = filter_chips(
        state,
        path,
        names.locality_names(),
        names.entity_names(),
        names.uta_names(),
        extras,
        **options,
    )
    if state.validated_only:
        chips.children.append(
            dbc.Badge("Solo entregas validadas", color="success", className="me-1")
        )
    return chips


def empty_note(message: str = "No hay datos para estos filtros.") -> dbc.Alert:
    return dbc.Alert(message, color="light", className="border text-secondary empty-note")


def info_button(button_id: str, label: str, lines: list[str]) -> html.Span:
    """A "?" that opens (click or keyboard) what a figure means: its definition and rule."""
    return html.Span(
        [
            html.Button(
                "?",
                id=button_id,
                type="button",
                className="btn btn-sm btn-outline-dark rounded-circle kpi-info ms-1",
                **{"aria-label": f"Qué mide: {label}"},
            ),
            dbc.Popover(
                dbc.PopoverBody([html.P(line, className="mb-1") for line in lines]),
                target=button_id,
                trigger="legacy",
                placement="bottom",
            ),
        ]
    )


def kpi_card(
    label: str,
    value_text: str,
    footnote: str,
    delta_text: str | None = None,
    value_id: str | dict | None = None,
    href: str | None = None,
    info: list[str] | None = None,
) -> dbc.Card:
    """A big formatted figure with its label, the change vs the previous period and a footnote;
    `info`: the lines behind its "?" (definition, rule)."""
    value_props = {"id": value_id} if value_id else {}
    heading = [label]
    if info and isinstance(value_id, str):
        heading.append(info_button(f"{value_id}-info", label, info))
    body = [
        html.Div(heading, className="kpi-label small text-body-secondary"),
        html.Div(value_text, className="kpi-value fs-3 fw-bold", **value_props),
    ]
    if delta_text:
        body.append(html.Div(delta_text, className="small kpi-delta"))
    body.append(html.Div(footnote, className="small text-secondary kpi-foot"))
    if href:
        body.append(dcc.Link("Ver detalle →", href=href, className="small stretched-link"))
    return dbc.Card(dbc.CardBody(body), className="shadow-sm h-100 kpi-card")
