"""Optional login through the district's identity provider (OpenID Connect, with Authlib).

Off unless TABLERO_OIDC_ISSUER, TABLERO_OIDC_CLIENT_ID and TABLERO_OIDC_CLIENT_SECRET are all set
(a partial configuration stops the app). The flow is the authorization code with PKCE (S256),
`state` (bound to the browser's session) and `nonce` (checked in the id_token), whose signature,
issuer, audience and expiry Authlib verifies against the provider's published keys. The provider
only vouches for an e-mail: the user must exist locally and be enabled, and the role and entity
are the local ones (a role claim counts for nothing). Every attempt is audited in auth.events.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, redirect, request, session, url_for
from flask_login import login_user

from dash_app.auth.session import SessionUser, csrf_valid
from warehouse import users
from warehouse.settings import Settings, get_settings

START_PATH = "/login/oidc"
CALLBACK_PATH = "/login/oidc/callback"
PATHS = (START_PATH, CALLBACK_PATH)
PROVIDER = "distrito"
NEXT_KEY = "oidc_next"
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]
FAILED = "No se pudo completar el ingreso con la cuenta del Distrito. Vuelva a intentarlo."


class OidcConfigError(RuntimeError):
    """TABLERO_OIDC_* settings that cannot work (message in Spanish)."""


def enabled(settings: Settings | None = None) -> bool:
    return (settings or get_settings()).oidc_configured


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_configuration(settings: Settings | None = None) -> None:
    """All three settings or none; an https issuer (plain http only on this machine)."""
    settings = settings or get_settings()
    if not settings.oidc_configured:
        return
    secret = settings.oidc_client_secret
    missing = [
        env
        for env, value in (
            ("TABLERO_OIDC_ISSUER", settings.oidc_issuer),
            ("TABLERO_OIDC_CLIENT_ID", settings.oidc_client_id),
            ("TABLERO_OIDC_CLIENT_SECRET", secret.get_secret_value() if secret else None),
        )
        if not (value or "").strip()
    ]
    if missing:
        raise OidcConfigError(
            "El ingreso con OpenID Connect está a medio configurar: falta " + ", ".join(missing)
        )
    issuer = urlsplit(settings.oidc_issuer)
    if issuer.scheme != "https" and not (issuer.scheme == "http" and _loopback(issuer.hostname)):
        raise OidcConfigError(
            f"TABLERO_OIDC_ISSUER debe empezar por https:// (es «{settings.oidc_issuer}»)."
        )


_CLIENTS: dict[tuple, object] = {}


def _client(server: Flask):
    """The Authlib client for the configured provider (one per configuration)."""
    from authlib.integrations.flask_client import OAuth

    settings = get_settings()
    secret = settings.oidc_client_secret.get_secret_value()
    key = (id(server), settings.oidc_issuer, settings.oidc_client_id, secret)
    if key not in _CLIENTS:
        issuer = settings.oidc_issuer.rstrip("/")
        _CLIENTS[key] = OAuth(server).register(
            PROVIDER,
            client_id=settings.oidc_client_id,
            client_secret=secret,
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={
                "scope": "openid email profile",
                "code_challenge_method": "S256",
                "default_timeout": 10,
            },
        )
    return _CLIENTS[key]


def _metadata(client) -> dict:
    """The provider's discovery document, which must name the configured issuer."""
    metadata = client.load_server_metadata()
    expected = get_settings().oidc_issuer.rstrip("/")
    if str(metadata.get("issuer", "")).rstrip("/") != expected:
        raise ValueError(f"el descubrimiento nombra otro emisor: {metadata.get('issuer')}")
    offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    # never "none" nor a shared-secret algorithm, whatever the document offers
    metadata["id_token_signing_alg_values_supported"] = [
        alg for alg in offered if alg in SIGNING_ALGORITHMS
    ] or ["RS256"]
    return metadata


def _redirect_uri() -> str:
    settings = get_settings()
    if settings.oidc_redirect_uri:
        return settings.oidc_redirect_uri
    return url_for("oidc_callback", _external=True, _scheme="https" if settings.https else "http")


def _page(message: str, status: int) -> Response:
    from dash_app.auth.login import render

    return render(message, status=status)


def start_view():
    """POST from the login page's button (CSRF-checked): off to the provider."""
    from dash_app.auth.login import safe_next

    if not enabled():
        abort(404)
    if not csrf_valid(request.form.get("csrf_token")):
        return _page("La sesión del formulario expiró: vuelva a intentarlo.", 400)
    client = _client(current_app._get_current_object())
    try:
        _metadata(client)
        response = client.authorize_redirect(_redirect_uri())
    except Exception as error:  # the provider is down or answers nonsense
        current_app.logger.warning("OpenID Connect: descubrimiento falló: %.300s", error)
        return _page("No se pudo contactar al proveedor de identidad del Distrito.", 502)
    session[NEXT_KEY] = safe_next(request.form.get("next"))
    return response


def _identity(client) -> dict:
    """The verified id_token claims (Authlib: state, code with PKCE, signature, iss, aud, exp,
    nonce); ValueError when the provider's answer is not a valid login."""
    _metadata(client)
    token = client.authorize_access_token()
    claims = token.get("userinfo")
    if not claims:
        raise ValueError("la respuesta no trae id_token")
    if str(claims.get("iss", "")).rstrip("/") != get_settings().oidc_issuer.rstrip("/"):
        raise ValueError("emisor inesperado")
    return claims


def callback_view():
    """The provider sends the browser back here with ?code&state."""
    if not enabled():
        abort(404)
    address = request.remote_addr or ""
    client = _client(current_app._get_current_object())
    try:
        claims = _identity(client)
    except Exception as error:  # bad state, signature, nonce, audience, expiry, network…
        current_app.logger.warning("OpenID Connect: ingreso rechazado: %.300s", error)
        detail = f"OpenID Connect: {type(error).__name__}: {error}"
        users.record_failed_external(None, None, detail, address)
        return _page(FAILED, 400)
    email = claims.get("email")
    via = f"OpenID Connect (sub {str(claims.get('sub', ''))[:100]})"
    if not isinstance(email, str) or not email:
        users.record_failed_external(None, None, f"{via}; sin correo", address)
        return _page("El proveedor de identidad no entregó el correo de esta cuenta.", 403)
    settings = get_settings()
    if settings.oidc_require_verified_email and claims.get("email_verified") is not True:
        users.record_failed_external(None, email, f"{via}; correo no verificado", address)
        return _page("El proveedor de identidad no confirma el correo de esta cuenta.", 403)
    try:
        user = users.external_login(None, email, address, via)
    except users.UserError as refusal:
        return _page(str(refusal), 403)
    from dash_app.auth.login import safe_next

    target = safe_next(session.get(NEXT_KEY))
    session.clear()  # a new session after login (no fixation); the flow's state goes too
    token = users.open_session(None, user, settings.session_hours)
    login_user(SessionUser(user, token))
    session.permanent = True
    return redirect(target)


def install_routes(server: Flask, limit) -> None:
    """The two routes (they answer 404 while OpenID Connect is not configured)."""
    check_configuration()
    server.add_url_rule(START_PATH, "oidc_start", limit(start_view), methods=["POST"])
    server.add_url_rule(CALLBACK_PATH, "oidc_callback", limit(callback_view), methods=["GET"])
