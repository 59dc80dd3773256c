"""Global filter bar: period quick picks and month range, locality, entity and UTA."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dash_app import ids
from dash_app.state import FilterContext

DROPDOWN_LABELS = {
    "select_all": "Seleccionar todo",
    "deselect_all": "Quitar todo",
    "selected_count": "{num_selected} seleccionadas",
    "search": "Buscar…",
    "clear_search": "Borrar búsqueda",
    "clear_selection": "Quitar selección",
    "no_options_found": "Sin resultados",
}


def dropdown(component_id: str, options: list[dict], placeholder: str, **kwargs) -> dcc.Dropdown:
    """A dcc.Dropdown with its own strings in Spanish."""
    return dcc.Dropdown(
        id=component_id,
        options=options,
        placeholder=placeholder,
        labels=DROPDOWN_LABELS,
        **kwargs,
    )


def _field(label: str, control, width: dict, hidden: bool = False) -> dbc.Col:
    return dbc.Col(
        [dbc.Label(label, className="small fw-semibold mb-1"), control],
        className="d-none" if hidden else None,
        **width,
    )


def _month_range(month_options: list[dict]) -> html.Div:
    return html.Div(
        [
            dropdown(
                ids.FROM, month_options, "Mes inicial", clearable=False, className="flex-fill"
            ),
            html.Span("–", className="px-1"),
            dropdown(ids.TO, month_options, "Mes final", clearable=False, className="flex-fill"),
        ],
        className="d-flex align-items-center month-range",
    )


def _reset_button() -> dbc.Col:
    return dbc.Col(
        dbc.Button(
            "Restablecer",
            id=ids.RESET,
            color="secondary",
            outline=True,
            size="sm",
            className="w-100",
            title="Volver a los filtros por defecto",
        ),
        xs=3,
        md=1,
        xl=1,
        className="d-flex align-items-end",
    )


def filter_bar(
    ctx: FilterContext,
    period_options: list[dict],
    month_options: list[dict],
    localities: list[dict],
    entities: list[dict],
    utas: list[dict],
    period_only: bool = False,
) -> html.Div:
    """period_only (the public deployment): locality, entity and UTA stay in the page for the
    shell's callbacks but are hidden, since the public figures are per cut-off only."""
    row = dbc.Row(
        [
            _field(
                "Periodo rápido",
                dropdown(
                    ids.PERIOD_PICK, period_options, "Corte, trimestre o año…", clearable=False
                ),
                {"xs": 12, "md": 4, "xl": 2},
            ),
            _field(
                "Meses (desde – hasta)", _month_range(month_options), {"xs": 12, "md": 8, "xl": 3}
            ),
            _field(
                "Localidad",
                dropdown(ids.LOCALITY, localities, "Todo el Distrito", multi=True),
                {"xs": 12, "md": 4, "xl": 2},
                hidden=period_only,
            ),
            _field(
                "Entidad",
                dropdown(ids.ENTITY, entities, "Todas las entidades"),
                {"xs": 12, "md": 4, "xl": 2},
                hidden=period_only,
            ),
            _field(
                "UTA",
                dropdown(ids.UTA, utas, "Todas las UTA"),
                {"xs": 9, "md": 3, "xl": 2},
                hidden=period_only,
            ),
            _reset_button(),
        ],
        className="g-2 align-items-end",
    )
    return html.Div(
        dbc.Collapse(row, id=ids.FILTER_COLLAPSE, is_open=True),
        className="filter-bar border-bottom bg-body-tertiary px-3 py-2",
        role="search",
        **{"aria-label": "Filtros globales"},
    )
