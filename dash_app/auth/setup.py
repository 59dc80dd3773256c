"""Wire access control into a Dash app's Flask server (internal app or public deployment)."""

from __future__ import annotations

from datetime import timedelta

import dash
import dash_bootstrap_components as dbc
from dash import Dash, html
from flask import Flask, Response, g, redirect, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from flask_talisman import Talisman
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from dash_app.auth import guard, oidc
from dash_app.auth.login import LOGIN_PATH, LOGOUT_PATH, install_routes
from dash_app.auth.registry import page_roles
from dash_app.auth.session import current_role, login_manager
from warehouse.secrets import load_secrets
from warehouse.settings import get_settings
from warehouse.users import ensure_auth_schema

OPEN_PREFIXES = ("/assets/", "/_favicon.ico")
STATIC_PREFIXES = (*OPEN_PREFIXES, "/_dash-component-suites/")
FORM_BYTES = 64 * 1024  # the largest body of any request but a callback (login, logout)
DASH_PREFIXES = ("/_dash-", "/_reload-hash")
PUBLIC_PATH = "/publico"

NOT_FOUND_HTML = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Página no encontrada – Tablero Migrante</title>
</head><body style="font-family: system-ui, sans-serif; margin: 3rem;">
<h1>Página no encontrada</h1>
<p>Esta es la versión pública del Tablero Migrante: solo están disponibles los
<a href="/publico">datos públicos</a>.</p>
</body></html>"""


def _configure(server: Flask, secret_key: str) -> None:
    settings = get_settings()
    server.config.update(
        SECRET_KEY=secret_key,
        SESSION_COOKIE_NAME="tablero_sesion",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.https,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SECURE=settings.https,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours),
        # Whole requests (a future upload included); callbacks have their own, smaller cap.
        MAX_CONTENT_LENGTH=settings.max_file_bytes + 1024 * 1024,
    )


def _csp(app: Dash) -> dict:
    """Scripts: our own files and Dash's inline ones by hash (no 'unsafe-inline' for scripts).
    Styles: Plotly and the grid set inline styles, so 'unsafe-inline' stays for style-src."""
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def _headers(app: Dash) -> Talisman:
    settings = get_settings()
    talisman = Talisman(
        app.server,
        force_https=False,  # TLS ends at the proxy; HSTS tells browsers to stay on https
        strict_transport_security=settings.https,
        session_cookie_secure=settings.https,
        session_cookie_http_only=True,
        frame_options="DENY",
        referrer_policy="same-origin",
        content_security_policy=_csp(app),
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
    return talisman


def _refresh_csp(app: Dash, talisman: Talisman):
    """Dash adds its router's inline script on the first request: hash it too."""

    done = []

    def refresh():
        if not done:  # our hook runs after Dash's router setup on the first request
            talisman.content_security_policy = _csp(app)
            done.append(True)

    return refresh


def forbidden_layout() -> html.Div:
    return dbc.Alert(
        [
            html.H1("Sin permiso para esta página", className="h4"),
            html.P("Su rol no permite ver esta página. Pida acceso a la Secretaría Técnica."),
        ],
        color="danger",
        className="mt-3",
        id="access-denied",
    )


def _guard_layouts(public: bool) -> None:
    """Each page's layout checks the role (Dash's router renders layouts from any pathname)."""
    for page in dash.page_registry.values():
        roles = page_roles(page["path"], public)
        if roles is None:
            raise RuntimeError(f"La página {page['path']} no declara roles (auth/registry.py).")
        if not getattr(page["layout"], "__guarded__", False):
            page["layout"] = _guarded_layout(page["layout"], roles)


def _guarded_layout(original, roles: frozenset[str]):
    """The page's layout behind a role check. A closure, not default arguments: the router
    passes the query string as keyword arguments, which must never reach the check."""

    def guarded(**query):
        if current_role() not in roles:
            return forbidden_layout()
        return original(**query) if callable(original) else original

    guarded.__guarded__ = True
    return guarded


class TrustedProxies:
    """X-Forwarded-For/-Proto honoured only from the configured number of proxies in front
    (TABLERO_TRUSTED_PROXIES): behind nginx the login limit counts each client's address, not
    the proxy's; with none configured a client cannot pick its address by sending the header."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.fixed: dict[int, ProxyFix] = {}

    def __call__(self, environ, start_response):
        count = get_settings().trusted_proxies
        if not count:
            return self.wsgi_app(environ, start_response)
        if count not in self.fixed:
            self.fixed[count] = ProxyFix(self.wsgi_app, x_for=count, x_proto=count)
        return self.fixed[count](environ, start_response)


def _common(app: Dash, public: bool) -> None:
    server = app.server
    server.wsgi_app = TrustedProxies(server.wsgi_app)
    server.session_interface = SessionCookies()
    server.config["TABLERO_DASH_APP"] = app
    _configure(server, load_secrets().secret_key)
    refresh = _refresh_csp(app, _headers(app))

    def first_checks():
        """Before anything else: the CSP complete, only the allowed host names answered, and
        a small body cap for every route but the callbacks (forms: login, logout)."""
        refresh()
        if not guard.host_allowed():
            return guard.plain("Host no permitido.", 400)
        if request.path != guard.CALLBACK_ROUTE:
            request.max_content_length = FORM_BYTES
            if _has_nul(request.args) or (request.method == "POST" and _has_nul(request.form)):
                return guard.plain("Solicitud no válida: contiene caracteres nulos.", 400)
        return None

    server.before_request(first_checks)
    server.after_request(_no_store)
    server.register_error_handler(Exception, _error_handler)
    _guard_layouts(public)


def _has_nul(values) -> bool:
    """A NUL in any query or form field (PostgreSQL text refuses it; no field needs it)."""
    return any("\x00" in key or "\x00" in value for key, value in values.items(multi=True))


class SessionCookies(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over TLS (directly, or through a
    trusted proxy), even if TABLERO_HTTPS was forgotten."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


HSTS = "max-age=31536000; includeSubDomains"


def _no_store(response: Response) -> Response:
    """Nothing but static files is kept by browsers or proxies: pages, layouts, callback
    answers, downloads and error pages may hold figures or a session's data. Over TLS, browsers
    are told to stay on https (HSTS)."""
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    if not request.path.startswith(STATIC_PREFIXES):
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def _error_handler(error: Exception):
    if isinstance(error, HTTPException):
        return error
    if request.path == guard.CALLBACK_ROUTE:
        return guard.callback_error(error)
    request_logger().exception("error no controlado en %s", request.path)
    return guard.plain("Error interno del tablero.", 500)


def request_logger():
    from flask import current_app

    return current_app.logger


def install(app: Dash) -> None:
    """Internal app: login required everywhere but /login and static files; roles per page and
    per callback."""
    server = app.server
    ensure_auth_schema()
    _common(app, public=False)
    login_manager().init_app(server)
    install_routes(server)

    def before():
        path = request.path
        if path in (LOGIN_PATH, *oidc.PATHS) or path.startswith(OPEN_PREFIXES):
            return None
        if request.method == "POST" and not guard.same_origin():
            return guard.plain("Origen no permitido.", 403)
        if not current_user.is_authenticated:
            if request.method == "GET" and not path.startswith(DASH_PREFIXES):
                target = request.full_path.rstrip("?")
                return redirect(f"{LOGIN_PATH}?next={_quote(target)}")
            return guard.plain("Inicie sesión.", 401)
        if path == guard.CALLBACK_ROUTE:
            return guard.check_callback(public=False)
        if path == LOGOUT_PATH or path.startswith(DASH_PREFIXES):
            return None
        roles = page_roles(path.rstrip("/") or "/", public=False)
        if roles is None:  # no such page: Dash's shell still renders the Spanish 404 layout
            g.unknown_page = True
        elif current_role() not in roles:
            return guard.plain("Su rol no permite ver esta página.", 403)
        return None

    def not_found_status(response: Response) -> Response:
        if g.get("unknown_page") and response.status_code == 200:
            response.status_code = 404
        return response

    server.before_request(before)
    server.after_request(not_found_status)


def install_public(app: Dash) -> None:
    """Public deployment: no login; only /publico, Dash's routes and public callbacks."""
    server = app.server
    _common(app, public=True)

    def before():
        path = request.path
        if path == "/":
            query = request.query_string.decode("utf-8", "replace")
            return redirect(PUBLIC_PATH + (f"?{query}" if query else ""), code=302)
        if path.rstrip("/") == PUBLIC_PATH or path.startswith(OPEN_PREFIXES):
            return None
        if path == guard.CALLBACK_ROUTE:
            if not guard.same_origin():
                return guard.plain("Origen no permitido.", 403)
            return guard.check_callback(public=True)
        if path.startswith(DASH_PREFIXES):
            return None
        return Response(NOT_FOUND_HTML, status=404, mimetype="text/html")

    server.before_request(before)


def _quote(target: str) -> str:
    from urllib.parse import quote

    return quote(target, safe="/")
