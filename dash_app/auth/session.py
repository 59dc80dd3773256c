"""Who is asking: the logged-in user (Flask-Login over server-side sessions) and their role."""

from __future__ import annotations

import hmac
import secrets

from flask import current_app, session
from flask_login import AnonymousUserMixin, LoginManager, UserMixin, current_user

from dash_app.auth.registry import ANONYMOUS
from warehouse import users
from warehouse.settings import get_settings

CSRF_KEY = "csrf_token"


class SessionUser(UserMixin):
    """A user of a live server-side session; the id Flask-Login keeps is the session token."""

    def __init__(self, user: users.User, token: str):
        self.user = user
        self.token = token

    def get_id(self) -> str:
        return self.token

    @property
    def role(self) -> str:
        return self.user.role

    @property
    def email(self) -> str:
        return self.user.email


class Anonymous(AnonymousUserMixin):
    role = ANONYMOUS
    email = ""


def load_user(token: str) -> SessionUser | None:
    user = users.session_user(None, token, get_settings().session_idle_minutes)
    return SessionUser(user, token) if user is not None else None


def login_manager() -> LoginManager:
    manager = LoginManager()
    manager.user_loader(load_user)
    manager.anonymous_user = Anonymous
    manager.session_protection = "strong"
    return manager


def current_role() -> str:
    """The role of the request's user; the anonymous pseudo-role when nobody is logged in."""
    if not hasattr(current_app, "login_manager"):  # public deployment: nobody logs in
        return ANONYMOUS
    return getattr(current_user, "role", ANONYMOUS) or ANONYMOUS


def csrf_token() -> str:
    """The session's anti-CSRF token for plain forms (login, logout)."""
    if CSRF_KEY not in session:
        session[CSRF_KEY] = secrets.token_urlsafe(32)
    return session[CSRF_KEY]


def csrf_valid(sent: str | None) -> bool:
    expected = session.get(CSRF_KEY)
    return bool(expected and sent) and hmac.compare_digest(str(expected), str(sent))
