"""Committee sessions (pages /sesiones and /sesion): the agenda as slides, each slide a link
framed with the session's filters, and the live quorum block."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import html

from dash_app.state import FilterState, filter_context, to_query
from warehouse import committee
from warehouse.formatting import format_date, format_number
from warehouse.marts import indicadores, reference

SLIDE_PATH = "/sesion"
INTEGRATE_INDICATOR = "UTA1_INTEGRATE_ORIENTACIONES"
# Drawn by /sesion; the others are app pages framed with the session's filters.
OWN_KINDS = {"quorum", "instalacion", "centros_integrate", "varios"}
TOP_LOCALITIES = 8


def frame_state(item: committee.AgendaItem, session: committee.Session) -> FilterState:
    """The filters a slide is shown with: the session's cut-off (else the default period),
    presentation mode, and the item's UTA."""
    context = filter_context()
    start, end = context.cutoffs.get(
        session.cutoff_code or "", (context.default_start, context.default_end)
    )
    uta = item.uta_code if item.uta_code in context.uta_codes else None
    return FilterState(start, end, uta=uta, presentation=True)


def slide_url(item: committee.AgendaItem, session: committee.Session) -> str:
    if item.kind in OWN_KINDS or not item.view_path:
        return f"{SLIDE_PATH}?" + urlencode(
            {"id": session.session_id, "n": item.position, "presentacion": "1"}
        )
    return item.view_path + to_query(frame_state(item, session))


def deck(session: committee.Session, items: list[committee.AgendaItem], index: int) -> html.Div:
    """The slides for assets/presentation.js (→/← walk them, r returns to the framed slide)."""
    return html.Div(
        id="slide-deck",
        hidden=True,
        **{
            "data-slides": json.dumps([slide_url(item, session) for item in items]),
            "data-index": str(index),
            "data-session": str(session.session_id),
        },
    )


def session_title(session: committee.Session) -> str:
    kind = committee.KINDS.get(session.kind, session.kind).lower()
    place = f" · {session.place}" if session.place else ""
    return f"Sesión {kind} del {format_date(session.session_date)}{place}"


def quorum_sentence(numbers: dict) -> str:
    """'Hay quórum: asisten 10 de 19 entidades miembro (se requieren 10).' (the slide, the PDF)."""
    verdict = "Hay quórum" if numbers.get("has_quorum") else "No hay quórum"
    return (
        f"{verdict}: asisten {format_number(numbers.get('attending_entities', 0))} de "
        f"{format_number(numbers.get('member_entities', 0))} entidades miembro "
        f"(se requieren {format_number(numbers.get('quorum_required', 0))})."
    )


def quorum_block(session_id: int, large: bool = False) -> html.Div:
    """Quorum, big, and who is absent (marts.mart_committee_quorum / _attendance, live)."""
    numbers = committee.quorum(session_id)
    if numbers is None:
        return html.Div("Sin datos de asistencia: falta construir el tablero.", className="alert")
    attendance = committee.attendance(session_id)
    reached = bool(numbers["has_quorum"])
    line = quorum_sentence(numbers)
    absent = attendance[attendance["attendance"] != "asiste"]
    absent_items = [
        html.Li(f"{row.entity_name}" + (" (sin marcar)" if row.attendance == "sin marcar" else ""))
        for row in absent.itertuples()
    ]
    return html.Div(
        [
            html.P(
                line,
                id="ses-quorum-line",
                className=("display-6 " if large else "fs-4 ")
                + ("text-success-emphasis" if reached else "text-danger-emphasis")
                + " fw-semibold",
            ),
            html.H2("Entidades ausentes", className="h5 mt-3") if absent_items else None,
            html.Ul(absent_items, className="columns-2") if absent_items else None,
        ],
        **{"aria-live": "polite"},
    )


def agenda_list(session: committee.Session, items: list[committee.AgendaItem]) -> html.Ol:
    """The agenda with a link to each slide and who presents it (a member entity)."""
    members = committee.attendance(session.session_id)
    options = [{"label": "Sin presentador", "value": ""}] + [
        {"label": row.entity_name, "value": row.entity_code} for row in members.itertuples()
    ]
    return html.Ol(
        [
            html.Li(
                [
                    html.A(item.title, href=slide_url(item, session), className="agenda-title"),
                    html.Label(
                        [
                            html.Span(f"Presenta «{item.title}»", className="visually-hidden"),
                            dbc.Select(
                                id={"type": "ses-presenter", "position": item.position},
                                options=options,
                                value=item.presenter_entity or "",
                                size="sm",
                                className="d-inline-block w-auto ms-2",
                                style={"maxWidth": "min(18rem, 100%)"},
                            ),
                        ],
                        className="mb-1 d-inline-block mw-100",
                    ),
                ]
            )
            for item in items
        ],
        id="ses-agenda-list",
    )


def _labelled_input(kind: str, code: str, value, placeholder: str, name: str) -> html.Label:
    """A text box inside its (visually hidden) label: announced with the entity's name."""
    return html.Label(
        [
            html.Span(name, className="visually-hidden"),
            dbc.Input(
                id={"type": kind, "entity": code},
                value=value or "",
                placeholder=f"{placeholder} (opcional)",
                debounce=True,
                size="sm",
                maxlength=committee.MAX_TEXT,
            ),
        ],
        className="w-100 mb-0",
    )


def attendance_rows(session_id: int) -> list:
    """One row per member entity: Asiste / No asiste, delegate and role (ids carry the code;
    the server checks it against the members on every write)."""
    rows = []
    for row in committee.attendance(session_id).itertuples():
        value = {"asiste": "asiste", "no asiste": "no asiste"}.get(row.attendance)
        code = row.entity_code
        rows.append(
            dbc.Row(
                [
                    dbc.Col(html.Span(row.entity_name, id=f"ses-name-{code}"), md=4),
                    dbc.Col(
                        html.Fieldset(
                            [
                                html.Legend(
                                    f"Asistencia de {row.entity_name}", className="visually-hidden"
                                ),
                                dbc.RadioItems(
                                    id={"type": "ses-mark", "entity": code},
                                    options=[
                                        {"label": "Asiste", "value": "asiste"},
                                        {"label": "No asiste", "value": "no asiste"},
                                    ],
                                    value=value,
                                    inline=True,
                                ),
                            ]
                        ),
                        md=3,
                    ),
                    dbc.Col(
                        _labelled_input(
                            "ses-delegate",
                            code,
                            row.delegate_name,
                            "Delegado",
                            f"Delegado de {row.entity_name}",
                        ),
                        md=3,
                    ),
                    dbc.Col(
                        _labelled_input(
                            "ses-role",
                            code,
                            row.delegate_role,
                            "Cargo",
                            f"Cargo del delegado de {row.entity_name}",
                        ),
                        md=2,
                    ),
                ],
                className="py-1 border-bottom g-2 align-items-center",
            )
        )
    return rows


def integrate_slide(item: committee.AgendaItem, session: committee.Session) -> html.Div:
    """The centres, and the orientations of the Intégrate strategy by locality at the session's
    period (the ranking is dbt's: indicator_figure_by_locality.locality_rank)."""
    state = frame_state(item, session)
    centres = reference.integrate_centres()
    headers = ("Centro", "Localidad", "Dirección", "Servicios")
    rows = [
        html.Tr(
            [
                html.Td(value or "", **{"data-label": label})  # a card per centre on a phone
                for label, value in zip(
                    headers, (c.centre_name, c.locality_name, c.address, c.services), strict=True
                )
            ]
        )
        for c in centres.itertuples()
    ]
    head = html.Thead(html.Tr([html.Th(h) for h in headers]))
    figures = indicadores.figure_by_locality(
        INTEGRATE_INDICATOR, state.start, state.end, None, state.validated_only
    )
    ranked = figures[figures["locality_rank"].notna()].sort_values("locality_rank")
    top = [
        html.Li(f"{r.locality_name}: {format_number(r.value)} orientaciones")
        for r in ranked.head(TOP_LOCALITIES).itertuples()
    ]
    link = "/territorio" + to_query(
        state.with_changes(presentation=False), {"indicador": INTEGRATE_INDICATOR}
    )
    return html.Div(
        [
            html.Table(
                [head, html.Tbody(rows)],
                className="table mb-3 stacked-table",
                id="integrate-centres",
            ),
            html.H2(
                f"Orientaciones Intégrate por localidad · {state.period_label}", className="h4"
            ),
            html.Ol(top, id="integrate-top") if top else html.P("Sin datos para este periodo."),
            html.A("Ver el mapa en Territorio", href=link, **{"data-print": "no"}),
        ]
    )
