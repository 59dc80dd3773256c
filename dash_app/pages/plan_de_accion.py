"""Plan de acción page: follow-up of the work plan (logic in dash_app/views/plan_de_accion.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html

from dash_app import ids
from dash_app.callbacks import query_dict
from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.context import page_chips, state_from_query
from dash_app.views import plan_de_accion as view

PATH = "/plan-de-accion"
dash.register_page(
    __name__, path=PATH, name="Plan de acción", title="Plan de acción – Tablero Migrante"
)


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Plan de acción",
                "Seguimiento del Plan de Trabajo: cumplimiento de reporte por corte, quién no "
                "reportó, estado de las actividades, transversales, metas PDD y la lista.",
                "Aplican periodo (elige el corte), entidad y UTA. La localidad no aplica: las "
                "actividades no se reportan por localidad.",
            ),
            page_chips(
                state,
                PATH,
                uses_locality=False,
            ),
            *view.render(state),
        ]
    )


@callback(
    Output(f"{view.PREFIX}-download", "data"),
    Input(f"{view.PREFIX}-csv", "n_clicks"),
    Input(f"{view.PREFIX}-xlsx", "n_clicks"),
    State(ids.URL, "search"),
    State(f"{view.PREFIX}-table", "virtualRowData"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx, search, grid_rows):
    state = state_from_query(query_dict(search))
    name = f"actividades_{state.start:%Y-%m}_{state.end:%Y-%m}"
    as_xlsx = ctx.triggered_id == f"{view.PREFIX}-xlsx"
    frame = view.activity_frame(state)
    return download_table(frame, grid_rows, view.ACTIVITY_COLUMNS, name, as_xlsx)
