"""The logged-in user's corner of the shell: who is in, with which role, and a logout form."""

from __future__ import annotations

from dash import dcc, html
from flask import has_request_context
from flask_login import current_user

from dash_app.auth.login import LOGOUT_PATH
from dash_app.auth.session import csrf_token
from warehouse.users import ROLE_LABELS

SHORT_ROLES = {
    "admin": "administración",
    "editor": "enlace",
    "analista": "analista",
    "lector": "lectura",
}


def user_menu() -> html.Div | None:
    if not has_request_context() or not current_user.is_authenticated:
        return None
    role = ROLE_LABELS.get(current_user.role, current_user.role)
    entity = f" de {current_user.user.entity_code}" if current_user.user.entity_code else ""
    return html.Div(
        [
            html.Span(current_user.email, className="me-1 text-break", title=f"{role}{entity}"),
            html.Span(f"({SHORT_ROLES.get(current_user.role, role)}{entity})", className="me-2"),
            html.Form(
                [
                    dcc.Input(
                        type="hidden", name="csrf_token", value=csrf_token(), id="logout-csrf"
                    ),
                    html.Button("Salir", type="submit", className="btn btn-link btn-sm p-0"),
                ],
                method="post",
                action=LOGOUT_PATH,
                className="d-inline",
            ),
        ],
        id="user-menu",
        className="user-menu small text-body-secondary ms-auto px-3 py-1",
    )
