"""Entregar información: an entity delivers its files in the browser (logic in
dash_app/views/entregar.py; who may deliver for which entity is decided in warehouse/delivery.py,
from the logged-in user, never from what the browser sends)."""

from __future__ import annotations

import base64
import binascii

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask import request
from flask_login import current_user

from dash_app.cache import cached_call
from dash_app.components.common import page_header
from dash_app.views import entregar as view
from warehouse import delivery, reviews
from warehouse.marts import reference
from warehouse.settings import get_settings

PATH = "/entregar"
P = view.PREFIX
dash.register_page(
    __name__,
    path=PATH,
    name="Entregar información",
    title="Entregar información – Tablero Migrante",
)


def user():
    """The logged-in user (warehouse.users.User), from the server-side session."""
    found = getattr(current_user, "user", None)
    if found is None:
        raise PreventUpdate
    return found


def address() -> str:
    return request.remote_addr or ""


def _entity_picker(account) -> dbc.Select:
    if account.role == "editor":  # shown, not chosen: the server uses the user's own entity
        options = [{"value": account.entity_code, "label": account.entity_code}]
        return dbc.Select(
            id=f"{P}-entity", options=options, value=account.entity_code, disabled=True
        )
    entities = cached_call(reference.entities)
    options = [
        {"value": code, "label": f"{code} — {name}"}
        for code, name in zip(entities["entity_code"], entities["entity_name"], strict=True)
    ]
    return dbc.Select(id=f"{P}-entity", options=options, placeholder="Elija la entidad…")


def _review_panel() -> html.Div:
    return html.Div(
        [
            html.H2("Revisión de la Secretaría Técnica", className="h5 mt-4"),
            html.P(
                "Valide una entrega aceptada, o devuélvala con un motivo que la entidad verá.",
                className="small text-secondary",
            ),
            dbc.Label("Entrega", html_for=f"{P}-review-delivery", className="small mb-0"),
            dbc.Select(id=f"{P}-review-delivery", options=[], placeholder="Entrega…"),
            dbc.Label(
                "Motivo (obligatorio para devolver)",
                html_for=f"{P}-review-reason",
                className="small mb-0 mt-2",
            ),
            dbc.Textarea(
                id=f"{P}-review-reason",
                placeholder="Motivo de la devolución",
                maxLength=2000,
            ),
            html.Div(
                [
                    dbc.Button("Validar", id=f"{P}-validate", color="success", className="me-2"),
                    dbc.Button("Devolver", id=f"{P}-return", color="danger", outline=True),
                ],
                className="mt-2",
            ),
        ]
    )


def _upload() -> dcc.Upload:
    settings = get_settings()
    limit = f"{settings.max_file_bytes // (1024 * 1024)} MB"
    return dcc.Upload(
        id=f"{P}-upload",
        children=html.Div(
            [
                "Arrastre aquí uno o varios archivos CSV o XLSX, o ",
                html.A("elíjalos", href="#"),
                f" (hasta {limit} por archivo).",
            ]
        ),
        multiple=True,
        accept=".csv,.xlsx",
        max_size=settings.max_file_bytes,
        className="ent-upload border border-2 rounded p-4 text-center mb-3",
    )


def _entity_and_templates(account) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col([dbc.Label("Entidad", html_for=f"{P}-entity"), _entity_picker(account)], md=6),
            dbc.Col(
                [
                    html.H2("Plantillas", className="h6"),
                    html.Div(id=f"{P}-templates", children=view.templates(account.entity_code)),
                ],
                md=6,
            ),
        ],
        className="mb-3",
    )


def layout(**_query) -> html.Div:
    account = getattr(current_user, "user", None)
    if account is None:
        return html.Div()
    is_admin = account.role == "admin"
    lead = (
        "Entregue los archivos de cualquier entidad (elíjala primero) y revise las entregas."
        if is_admin
        else f"Entregue los archivos de {account.entity_code}: las mismas plantillas y las "
        "mismas revisiones que «tablero load»."
    )
    return html.Div(
        [
            page_header("Entregar información", lead),
            _entity_and_templates(account),
            _upload(),
            dcc.Loading(
                html.Div(id=f"{P}-upload-result"),
                type="default",
                overlay_style={"visibility": "visible", "opacity": 0.5},
            ),
            html.Div(id=f"{P}-build"),
            html.H2("Entregas", className="h5 mt-3"),
            html.Div(id=f"{P}-history"),
            _review_panel() if is_admin else None,
            html.Div(id=f"{P}-review-result", className="mt-2"),
            # Polls only while a build is queued or running (show_build turns it on and off).
            dcc.Interval(id=f"{P}-tick", interval=5000, disabled=True),
            dcc.Download(id=f"{P}-template-download"),
            dcc.Download(id=f"{P}-report-download"),
        ]
    )


@callback(
    Output(f"{P}-templates", "children"), Input(f"{P}-entity", "value"), prevent_initial_call=True
)
def show_templates(entity):
    try:
        chosen = delivery.delivering_entity(user(), entity)
    except delivery.DeliveryRefused:
        return view.templates(None)
    return view.templates(chosen)


@callback(
    Output(f"{P}-template-download", "data"),
    Input({"type": f"{P}-template", "index": ALL}, "n_clicks"),
    State(f"{P}-entity", "value"),
    prevent_initial_call=True,
)
def download_template(clicks, entity):
    if not any(clicks or []) or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate
    name, data = delivery.template(None, str(ctx.triggered_id["index"]), user(), entity, address())
    return dcc.send_bytes(data, name)


def _decode(content: str) -> bytes | None:
    try:
        return base64.b64decode(content.split(",", 1)[1], validate=True)
    except (IndexError, ValueError, binascii.Error):
        return None


@callback(
    Output(f"{P}-upload-result", "children"),
    Input(f"{P}-upload", "contents"),
    State(f"{P}-upload", "filename"),
    State(f"{P}-entity", "value"),
    prevent_initial_call=True,
)
def upload(contents, names, entity):
    if not contents or not isinstance(contents, list) or not isinstance(names, list):
        raise PreventUpdate
    account = user()
    cards = []
    for content, name in zip(contents[:20], names, strict=False):
        data = _decode(content) if isinstance(content, str) else None
        if data is None:
            cards.append(view.refused(f"{name}: no se pudo leer el archivo enviado."))
            continue
        try:
            outcome = delivery.deliver(None, str(name), data, account, entity, address())
        except delivery.DeliveryRefused as refusal:
            cards.append(view.refused(str(refusal)))
            continue
        cards.append(view.outcome_card(outcome))
    return cards


@callback(
    Output(f"{P}-report-download", "data"),
    Input({"type": f"{P}-report", "index": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def download_report(clicks):
    if not any(clicks or []) or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate
    try:
        name, data = reviews.problem_report(None, int(ctx.triggered_id["index"]), user(), address())
    except (reviews.ReviewError, ValueError, TypeError):
        return no_update
    return dcc.send_bytes(data, name)


def _scope(entity) -> str | None:
    """Whose deliveries the page lists: an editor's own; an admin's chosen entity, or all."""
    account = user()
    if account.role == "editor":
        return account.entity_code
    return entity if isinstance(entity, str) and entity else None


@callback(
    Output(f"{P}-history", "children"),
    Input(f"{P}-entity", "value"),
    Input(f"{P}-upload-result", "children"),
    Input(f"{P}-review-result", "children"),
    Input(f"{P}-tick", "n_intervals"),
)
def show_history(entity, *_):
    """The tick (while a build waits) refreshes the build state only: re-rendering the whole
    history every 5 s starved it under load (a newer tick discards the answer in flight)."""
    if ctx.triggered_id == f"{P}-tick":
        raise PreventUpdate
    return view.history(_scope(entity))


@callback(
    Output(f"{P}-build", "children"),
    Output(f"{P}-tick", "disabled"),
    Input(f"{P}-tick", "n_intervals"),
    Input(f"{P}-upload-result", "children"),
    Input(f"{P}-review-result", "children"),
)
def show_build(*_):
    """The build queue's state; the page keeps polling only while a build is pending."""
    return view.build_state(), not view.build_pending()


@callback(
    Output(f"{P}-review-delivery", "options"),
    Input(f"{P}-entity", "value"),
    Input(f"{P}-review-result", "children"),
    Input(f"{P}-upload-result", "children"),
)
def review_options(entity, *_):
    if user().role != "admin":
        raise PreventUpdate
    return view.reviewable_options(_scope(entity))


@callback(
    Output(f"{P}-review-result", "children"),
    Input(f"{P}-validate", "n_clicks"),
    Input(f"{P}-return", "n_clicks"),
    State(f"{P}-review-delivery", "value"),
    State(f"{P}-review-reason", "value"),
    prevent_initial_call=True,
)
def review(_validate, _return, delivery_id, reason):
    state = {f"{P}-validate": "validado", f"{P}-return": "devuelto"}.get(ctx.triggered_id)
    if state is None or delivery_id in (None, ""):
        raise PreventUpdate
    try:
        reviews.review(None, int(delivery_id), state, reason or "", user(), address())
    except (reviews.ReviewError, ValueError) as problem:
        return dbc.Alert(str(problem), color="danger", className="ent-review-error")
    return dbc.Alert(
        f"Entrega n.º {delivery_id}: {state}.", color="success", className="ent-review-done"
    )
