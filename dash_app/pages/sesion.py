"""One agenda item of a committee session as a slide (quórum, instalación, varios; the other
items are app pages framed with the session's filters). assets/presentation.js walks the agenda
from here with the keyboard."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from dash_app.cache import cached_call
from dash_app.views import sesiones as view
from warehouse import committee
from warehouse.formatting import format_date
from warehouse.marts import reference

PATH = view.SLIDE_PATH
dash.register_page(__name__, path=PATH, name="Diapositiva", title="Sesión – Tablero Migrante")


def _position(value: object, count: int) -> int:
    try:
        return min(max(int(str(value)), 1), count)
    except ValueError:
        return 1


def _body(item: committee.AgendaItem, session: committee.Session):
    if item.kind == "quorum":
        return view.quorum_block(session.session_id, large=True)
    if item.kind == "instalacion":
        kind = committee.KINDS.get(session.kind, session.kind)
        return html.Div(
            [
                html.P(f"Sesión {kind.lower()} del Comité", className="display-6"),
                html.P(format_date(session.session_date), className="fs-3"),
                html.P(session.place, className="fs-3") if session.place else None,
            ]
        )
    if item.kind == "centros_integrate":
        return view.integrate_slide(item, session)
    if item.kind == "varios":
        return html.P("Proposiciones y varios.", className="display-6")
    return dbc.Button("Abrir la vista", href=view.slide_url(item, session), color="primary")


def layout(**query) -> html.Div:
    session = committee.session(query.get("id"))
    if session is None:
        return html.Div(
            [html.H1("Sesión no encontrada", className="h3"),
             html.A("Ver las sesiones", href="/sesiones")]
        )  # fmt: skip
    items = committee.agenda(session.session_id)
    if not items:
        return html.P("Esta sesión no tiene orden del día.")
    n = _position(query.get("n"), len(items))
    item = items[n - 1]
    entities = cached_call(reference.entities)
    names = dict(zip(entities["entity_code"], entities["entity_name"], strict=False))
    presenter = names.get(item.presenter_entity, item.presenter_entity)
    return html.Div(
        [
            view.deck(session, items, n - 1),
            html.P(
                f"{view.session_title(session)} · punto {n} de {len(items)}"
                + (f" · presenta {presenter}" if presenter else ""),
                className="slide-bar text-body-secondary mb-1",
            ),
            html.H1(item.title, className="h3"),
            html.Div(_body(item, session), className="slide my-3"),
            html.P(
                "→ siguiente · ← anterior · r vuelve a esta diapositiva · f pantalla completa "
                "· Esc sale del modo presentación",
                className="small text-body-secondary",
                **{"data-print": "no"},
            ),
        ]
    )
