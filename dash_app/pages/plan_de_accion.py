"""Plan de acción page: follow-up of the work plan (logic in dash_app/views/plan_de_accion.py)."""

from __future__ import annotations

import dash
from dash import html

from dash_app.cache import cached_layout
from dash_app.components.common import page_chips, page_header
from dash_app.components.page_callbacks import register_download
from dash_app.state import state_from_query
from dash_app.views import plan_de_accion as view

PATH = "/plan-de-accion"
dash.register_page(
    __name__, path=PATH, name="Plan de acción", title="Plan de acción – Tablero Migrante"
)


@cached_layout
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
            page_chips(state, PATH, uses_locality=False),
            *view.render(state),
        ]
    )


register_download(
    view.PREFIX,
    rows=lambda state, _query: view.activity_frame(state),
    columns=view.ACTIVITY_COLUMNS,
    file_name=lambda state, _query: f"actividades_{state.start:%Y-%m}_{state.end:%Y-%m}",
)
