"""Global filter bar: period quick picks and month range, locality, entity and UTA."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, clientside_callback, dcc, html

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


FOLD, FOLD_TOGGLE = "filters-fold", "filters-fold-toggle"


def dropdown(component_id: str, options: list[dict], placeholder: str, **kwargs) -> dcc.Dropdown:
    """A dcc.Dropdown with its own strings in Spanish (a `label for` its id names it: the
    asset a11y.js adds the label to the dropdown's aria-labelledby)."""
    kwargs.setdefault("maxHeight", 320)  # eight options at a time, not three
    return dcc.Dropdown(
        id=component_id,
        options=options,
        placeholder=placeholder,
        labels=DROPDOWN_LABELS,
        **kwargs,
    )


def _field(label: str, control, width: dict, hidden: bool = False) -> dbc.Col:
    target = control.id if isinstance(control, dcc.Dropdown) else None
    return dbc.Col(
        [dbc.Label(label, html_for=target, className="small fw-semibold mb-1"), control],
        className="d-none" if hidden else None,
        **width,
    )


def _month_range(month_options: list[dict]) -> html.Div:
    return html.Div(
        [
            dbc.Label("Mes inicial", html_for=ids.FROM, className="visually-hidden"),
            dropdown(
                ids.FROM, month_options, "Mes inicial", clearable=False, className="flex-fill"
            ),
            html.Span("–", className="px-1", **{"aria-hidden": "true"}),
            dbc.Label("Mes final", html_for=ids.TO, className="visually-hidden"),
            dropdown(ids.TO, month_options, "Mes final", clearable=False, className="flex-fill"),
        ],
        className="d-flex align-items-center month-range",
    )


def _reset_button() -> dbc.Col:
    return dbc.Col(
        dbc.Button(
            "Restablecer",
            id=ids.RESET,
            color="dark",
            outline=True,
            size="sm",
            className="w-100 px-1 text-nowrap",
            title="Volver a los filtros por defecto",
        ),
        xs=5,
        md=2,
        xl=1,
        className="d-flex align-items-end",
    )


def _validated_switch(hidden: bool) -> dbc.Col:
    """«Solo validados»: figures from the deliveries the technical secretariat validated only
    (on by default in presentation mode; the public page always shows validated data)."""
    switch = dbc.Switch(
        id=ids.VALIDATED,
        label="Solo entregas validadas por la Secretaría Técnica",
        value=False,
        className="small mb-0",
    )
    scope = (
        "Se aplica a las cifras de indicadores (tarjetas, series, mapas, desagregaciones y filas). "
        "El conteo de personas, el plan de acción y el comité usan todas las entregas aceptadas."
    )
    return dbc.Col(html.Div(switch, title=scope), xs=12, className="d-none" if hidden else None)


def _fold_toggle() -> html.Button:
    """Below 768 px the filters fold under this button (tablero.css keeps them open above)."""
    return html.Button(
        "Filtros ▾",
        id=FOLD_TOGGLE,
        type="button",
        className="btn btn-outline-dark btn-sm d-md-none w-100 mb-1",
        n_clicks=0,
        **{"aria-controls": FOLD, "aria-expanded": "false"},
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
                {"xs": 12, "md": 3, "xl": 2},
                hidden=period_only,
            ),
            _field(
                "UTA",
                dropdown(ids.UTA, utas, "Todas las UTA"),
                {"xs": 7, "md": 3, "xl": 2},
                hidden=period_only,
            ),
            _reset_button(),
            _validated_switch(period_only),
        ],
        className="g-2 align-items-end",
    )
    folded = [_fold_toggle(), dbc.Collapse(row, id=FOLD, is_open=False, className="filters-fold")]
    return html.Div(
        dbc.Collapse(folded, id=ids.FILTER_COLLAPSE, is_open=True),
        className="filter-bar border-bottom bg-body-tertiary px-3 py-2",
        role="search",
        **{"aria-label": "Filtros globales"},
    )


clientside_callback(
    """(clicks) => {
        const open = Boolean(clicks % 2);
        return [open, open ? "true" : "false", open ? "Ocultar filtros ▴" : "Filtros ▾"];
    }""",
    Output(FOLD, "is_open"),
    Output(FOLD_TOGGLE, "aria-expanded"),
    Output(FOLD_TOGGLE, "children"),
    Input(FOLD_TOGGLE, "n_clicks"),
    prevent_initial_call=True,
)
