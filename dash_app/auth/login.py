"""/login and /logout: a plain HTML form (no Dash, no script), CSRF-checked and rate-limited."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from flask import Flask, Response, redirect, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

from dash_app.auth import oidc
from dash_app.auth.session import SessionUser, csrf_token, csrf_valid
from warehouse import users
from warehouse.settings import get_settings

LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"

PAGE = """<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ingresar – Tablero Migrante</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css">
<link rel="stylesheet" href="/assets/tablero.css">
</head><body class="bg-body-tertiary">
<main class="container" style="max-width: 26rem; padding-top: 10vh;">
<h1 class="h4 mb-1">Tablero Migrante</h1>
<p class="text-body-secondary mb-4">Bogotá D.C. · ingreso para entidades y equipo técnico</p>
{message}
<form method="post" action="/login" class="card card-body shadow-sm">
<input type="hidden" name="csrf_token" value="{token}">
<input type="hidden" name="next" value="{next}">
<label class="form-label" for="email">Correo</label>
<input class="form-control mb-3" id="email" name="email" type="email" autocomplete="username"
 required value="{email}">
<label class="form-label" for="password">Contraseña</label>
<input class="form-control mb-3" id="password" name="password" type="password"
 autocomplete="current-password" required>
<button class="btn btn-primary" type="submit">Ingresar</button>
</form>
{oidc}
<p class="small text-body-secondary mt-3">¿Sin usuario? Pídalo a la Secretaría Técnica
(Secretaría Distrital de Gobierno). Las cifras públicas están en la versión pública del tablero.</p>
</main></body></html>"""


OIDC_FORM = """<form method="post" action="/login/oidc" class="mt-3">
<input type="hidden" name="csrf_token" value="{token}">
<input type="hidden" name="next" value="{next}">
<button class="btn btn-outline-primary w-100" type="submit">{label}</button>
</form>"""


def safe_next(target: str | None) -> str:
    """Only a local path (no scheme, no host, no '//') may follow the login."""
    if not target or not isinstance(target, str) or len(target) > 2000:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return "/"
    return target


def render(message: str = "", email: str = "", next_path: str = "/", status: int = 200):
    alert = (
        f'<div class="alert alert-danger" role="alert">{escape(message)}</div>' if message else ""
    )
    token, target = escape(csrf_token()), escape(safe_next(next_path))
    settings = get_settings()
    oidc_form = (
        OIDC_FORM.format(token=token, next=target, label=escape(settings.oidc_label))
        if settings.oidc_configured
        else ""
    )
    body = PAGE.format(
        message=alert, token=token, next=target, email=escape(email[:200]), oidc=oidc_form
    )
    return Response(body, status=status, mimetype="text/html")


def login_view():
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(safe_next(request.args.get("next")))
        return render(next_path=request.args.get("next", "/"))
    form = request.form
    email, next_path = form.get("email", ""), form.get("next", "/")
    if not csrf_valid(form.get("csrf_token")):
        return render(
            "La sesión del formulario expiró: vuelva a intentarlo.", email, next_path, 400
        )
    settings = get_settings()
    user = users.authenticate(None, email, form.get("password", ""), request.remote_addr or "")
    if user is None:
        return render("Correo o contraseña incorrectos.", email, next_path, 401)
    session.clear()  # a new session id after login (no fixation)
    token = users.open_session(None, user, settings.session_hours)
    login_user(SessionUser(user, token))
    session.permanent = True
    return redirect(safe_next(next_path))


def logout_view():
    if not csrf_valid(request.form.get("csrf_token")):
        return Response("Solicitud no válida.", status=400, mimetype="text/plain")
    if current_user.is_authenticated:
        users.close_session(None, current_user.get_id())
    logout_user()
    session.clear()
    return redirect(LOGIN_PATH)


def too_many(_error):
    return render(
        "Demasiados intentos de ingreso. Espere un minuto y vuelva a intentarlo.", status=429
    )


def _account_key() -> str:
    return "cuenta:" + (request.form.get("email") or "").strip().lower()[:254]


def install_routes(server: Flask) -> None:
    # counted in Redis when the dashboard cache is there (shared by every worker), else per process
    cache_url = get_settings().cache_url or ""
    storage = cache_url if cache_url.startswith(("redis://", "rediss://")) else "memory://"
    limiter = Limiter(get_remote_address, app=server, storage_uri=storage, default_limits=[])
    failed = lambda response: response.status_code >= 400  # noqa: E731
    per_address = limiter.limit(
        lambda: get_settings().login_rate_limit,
        methods=["POST"],
        # only failed attempts count: a successful login never locks anybody out
        deduct_when=failed,
    )
    # many addresses against one account (a botnet, or users behind one proxy) are slowed too
    per_account = limiter.limit(
        lambda: get_settings().login_account_rate_limit,
        key_func=_account_key,
        methods=["POST"],
        deduct_when=failed,
    )
    limited = per_address(per_account(login_view))
    server.add_url_rule(LOGIN_PATH, "login", limited, methods=["GET", "POST"])
    oidc.install_routes(
        server,
        limiter.limit(
            lambda: get_settings().login_rate_limit,
            deduct_when=lambda response: response.status_code >= 400,
        ),
    )
    server.add_url_rule(LOGOUT_PATH, "logout", logout_view, methods=["POST"])
    server.register_error_handler(429, too_many)
