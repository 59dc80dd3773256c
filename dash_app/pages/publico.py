"""Datos públicos page (roadmap step 4; logic in dash_app/views/publico.py)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, html

from dash_app import ids
from dash_app.callbacks import query_dict, url_if_changed
from dash_app.components.common import page_header
from dash_app.components.table import download_table
from dash_app.context import filter_context, state_from_query
from dash_app.public_mode import is_public_only
from dash_app.state import to_query
from dash_app.views import publico as view

PATH = "/publico"
dash.register_page(
    __name__, path=PATH, name="Datos públicos", title="Datos públicos – Tablero Migrante"
)


def layout(**query) -> html.Div:
    state = state_from_query(query)
    return html.Div(
        [
            page_header(
                "Datos públicos",
                "Cifras agregadas de los indicadores publicables por corte de seguimiento, para "
                "todo el Distrito y por localidad. Las cifras pequeñas se ocultan para proteger "
                "a las personas.",
                "Se elige el corte."
                if is_public_only()
                else "Se elige el corte; los filtros de localidad, entidad y UTA no aplican.",
            ),
            *view.render(state),
        ]
    )


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(view.ID_CUTOFF, "value"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def choose_cutoff(cutoff, search):
    """The chosen cut-off becomes the global period, so other pages follow it."""
    bounds = filter_context().cutoffs.get(cutoff)
    if bounds is None:
        return dash.no_update
    state = state_from_query(query_dict(search))
    chosen = state.with_changes(start=bounds[0], end=bounds[1])
    return url_if_changed(search, to_query(state), to_query(chosen))


@callback(
    Output(f"{view.PREFIX}-download", "data"),
    Input(f"{view.PREFIX}-csv", "n_clicks"),
    Input(f"{view.PREFIX}-xlsx", "n_clicks"),
    State(view.ID_CUTOFF, "value"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx, cutoff):
    frame = view.figures_frame(cutoff)
    as_xlsx = ctx.triggered_id == f"{view.PREFIX}-xlsx"
    name = f"datos_publicos_{cutoff}"
    return download_table(frame, None, view.EXPORT_COLUMNS, name, as_xlsx, "datos públicos")
