"""Sesiones del comité (admin): create a session with the deck's agenda, mark attendance live
and see the quorum; each agenda item opens as a slide (page /sesion, keys in assets/
presentation.js). Logic in dash_app/views/sesiones.py and warehouse/committee.py."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from dash_app.components.common import page_header
from dash_app.pdf import PdfError, html_to_pdf
from dash_app.views import sesiones as view
from dash_app.views.auditoria import parse_day
from dash_app.views.session_report import report_html
from warehouse import audit, committee
from warehouse.formatting import format_date
from warehouse.marts import reference

PATH = "/sesiones"
dash.register_page(
    __name__, path=PATH, name="Sesiones", title="Sesiones del comité – Tablero Migrante"
)


def _session_options() -> list[dict]:
    return [
        {"label": view.session_title(s), "value": str(s.session_id)} for s in committee.sessions()
    ]


def _new_session_form() -> dbc.Card:
    cutoffs = reference.cutoffs()
    field = "mb-2"
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Nueva sesión", className="h5"),
                dbc.Label("Fecha (dd/mm/aaaa)", html_for="ses-date", className="small mb-0"),
                dbc.Input(
                    id="ses-date",
                    type="text",
                    inputMode="numeric",
                    placeholder="dd/mm/aaaa",
                    autoComplete="off",
                    maxLength=10,
                    className=field,
                ),
                dbc.Label("Tipo", html_for="ses-kind", className="small mb-0"),
                dbc.Select(
                    id="ses-kind",
                    options=[{"label": v, "value": k} for k, v in committee.KINDS.items()],
                    value="ordinaria",
                    className=field,
                ),
                dbc.Label("Lugar", html_for="ses-place", className="small mb-0"),
                dbc.Input(id="ses-place", maxlength=committee.MAX_TEXT, className=field),
                dbc.Label(
                    "Corte de las diapositivas", html_for="ses-cutoff", className="small mb-0"
                ),
                dbc.Select(
                    id="ses-cutoff",
                    options=[
                        {"label": row.cutoff_name, "value": row.cutoff_code}
                        for row in cutoffs.itertuples()
                    ],
                    value=cutoffs["cutoff_code"].iloc[-1] if not cutoffs.empty else None,
                    className=field,
                ),
                dbc.Button("Crear sesión", id="ses-create", color="primary"),
                html.Div(id="ses-create-result", className="mt-2", **{"aria-live": "polite"}),
            ]
        ),
        className="mb-3",
    )


def layout(**query) -> html.Div:
    options = _session_options()
    chosen = (
        str(query.get("id", ""))
        if str(query.get("id", "")) in {o["value"] for o in options}
        else (options[0]["value"] if options else None)
    )
    return html.Div(
        [
            page_header(
                "Sesiones del comité",
                "Orden del día, asistencia en vivo y quórum; cada punto se proyecta como "
                "diapositiva (→ y ← avanzan, r vuelve a la diapositiva, Esc sale).",
            ),
            dbc.Row(
                [
                    dbc.Col(_new_session_form(), lg=4),
                    dbc.Col(
                        [
                            dbc.Label("Sesión", html_for="ses-pick", className="fw-semibold"),
                            dcc.Dropdown(
                                id="ses-pick",
                                options=options,
                                value=chosen,
                                clearable=False,
                                placeholder="Aún no hay sesiones: cree la primera.",
                            ),
                            html.Div(
                                [
                                    dbc.Button(
                                        "Informe de la sesión (PDF)",
                                        id="ses-report",
                                        color="secondary",
                                        outline=True,
                                        size="sm",
                                    ),
                                    dcc.Loading(html.Span(id="ses-report-note", className="ms-2")),
                                    dcc.Download(id="ses-report-download"),
                                ],
                                className="mt-2",
                            ),
                            html.Div(id="ses-detail", className="mt-3"),
                        ],
                        lg=8,
                    ),
                ]
            ),
        ]
    )


@callback(
    Output("ses-create-result", "children"),
    Output("ses-pick", "options"),
    Output("ses-pick", "value"),
    Input("ses-create", "n_clicks"),
    State("ses-date", "value"),
    State("ses-kind", "value"),
    State("ses-place", "value"),
    State("ses-cutoff", "value"),
    prevent_initial_call=True,
)
def create(clicks, day, kind, place, cutoff):
    if not clicks:
        raise PreventUpdate
    try:
        session_id = committee.create_session(
            session_date=parse_day(day), kind=kind, place=place or "",
            cutoff_code=cutoff or None, created_by=current_user.email,
        )  # fmt: skip
    except committee.CommitteeError as error:
        return dbc.Alert(str(error), color="danger", className="mb-0"), no_update, no_update
    message = f"Sesión creada para el {format_date(parse_day(day))}."
    return (
        dbc.Alert(message, color="success", className="mb-0"),
        _session_options(),
        str(session_id),
    )


@callback(Output("ses-detail", "children"), Input("ses-pick", "value"))
def detail(session_id):
    chosen = committee.session(session_id)
    if chosen is None:
        return html.P("Elija o cree una sesión.", className="text-body-secondary")
    items = committee.agenda(chosen.session_id)
    first = view.slide_url(items[0], chosen) if items else None
    return [
        html.H2(view.session_title(chosen), className="h4"),
        dbc.Button("Presentar la sesión", href=first, color="warning", className="mb-3")
        if first
        else None,
        html.H3("Quórum", className="h5"),
        html.Div(view.quorum_block(chosen.session_id), id="ses-quorum"),
        html.H3("Orden del día", className="h5 mt-3"),
        view.agenda_list(chosen, items),
        html.Div(id="ses-agenda-note", className="small", **{"aria-live": "polite"}),
        html.H3("Asistencia", className="h5 mt-3"),
        html.Div(view.attendance_rows(chosen.session_id), id="ses-attendance"),
    ]


@callback(
    Output("ses-quorum", "children"),
    Input({"type": "ses-mark", "entity": ALL}, "value"),
    Input({"type": "ses-delegate", "entity": ALL}, "value"),
    Input({"type": "ses-role", "entity": ALL}, "value"),
    State("ses-pick", "value"),
    prevent_initial_call=True,
)
def mark(marks, delegates, roles, session_id):
    """Writes the triggered entity's mark (the service checks session and member entity)."""
    chosen = committee.session(session_id)
    trigger = ctx.triggered_id
    if chosen is None or not isinstance(trigger, dict):
        raise PreventUpdate
    entity = str(trigger.get("entity", ""))
    ids = [i["id"]["entity"] for i in ctx.inputs_list[0]]
    if entity not in ids:
        raise PreventUpdate
    position = ids.index(entity)
    value = marks[position] if position < len(marks) else None
    if value not in ("asiste", "no asiste"):
        raise PreventUpdate  # delegate typed before Asiste/No asiste: nothing to record yet
    try:
        committee.mark_attendance(
            chosen.session_id, entity, value == "asiste",
            delegate_name=_at(delegates, position), delegate_role=_at(roles, position),
            marked_by=current_user.email,
        )  # fmt: skip
    except committee.CommitteeError as error:
        return dbc.Alert(str(error), color="danger")
    return view.quorum_block(chosen.session_id)


def _at(values: list, position: int) -> str:
    return str(values[position] or "") if position < len(values) else ""


@callback(
    Output("ses-report-download", "data"),
    Output("ses-report-note", "children"),
    Input("ses-report", "n_clicks"),
    State("ses-pick", "value"),
    prevent_initial_call=True,
)
def report(clicks, session_id):
    """The annex to the minutes: attendance, quorum and every UTA slide at the session's
    filters, printed to PDF on the server (dash_app/pdf.py)."""
    chosen = committee.session(session_id)
    if not clicks or chosen is None:
        raise PreventUpdate
    try:
        pdf = html_to_pdf(report_html(chosen))
    except PdfError as error:
        return no_update, dbc.Alert(str(error), color="danger", className="mb-0 d-inline-block")
    audit.record(
        None, current_user.email, "exportación", f"informe PDF de la sesión {chosen.session_id}"
    )
    name = f"informe_sesion_{chosen.session_date.isoformat()}.pdf"
    return dcc.send_bytes(pdf, name), "PDF listo."


@callback(
    Output("ses-agenda-note", "children"),
    Input({"type": "ses-presenter", "position": ALL}, "value"),
    State("ses-pick", "value"),
    prevent_initial_call=True,
)
def presenter(values, session_id):
    """Who presents the triggered agenda item (the service checks item and entity)."""
    chosen = committee.session(session_id)
    trigger = ctx.triggered_id
    if chosen is None or not isinstance(trigger, dict):
        raise PreventUpdate
    positions = [i["id"]["position"] for i in ctx.inputs_list[0]]
    if trigger.get("position") not in positions:
        raise PreventUpdate
    value = values[positions.index(trigger["position"])]
    try:
        changed = committee.set_presenter(
            chosen.session_id, trigger["position"], value or None, changed_by=current_user.email
        )
    except committee.CommitteeError as error:
        return dbc.Alert(str(error), color="danger", className="mb-0")
    return "Presentador guardado." if changed else no_update
