"""OpenID Connect login against a real identity provider served over HTTP on this machine.

The fake provider (a small Flask app in a thread) publishes discovery and its keys, redirects
from /authorize with a code, and at /token checks the client's secret, the code, the redirect
URI and the PKCE verifier before it returns an id_token signed with its RSA key (joserfc, the
JOSE library Authlib's client verifies with). Each test can make it misbehave the way an
attacker or a broken provider would: another key, another nonce, audience or issuer, an
expired or unsigned token, a discovery document naming someone else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import threading
import time
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from flask import Flask, jsonify, redirect, request
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server

from dash_app.auth import oidc
from warehouse import users as accounts
from warehouse.settings import Settings, get_settings

HOST = {"Host": "127.0.0.1"}
CLIENT_ID = "tablero-migrante"
CLIENT_SECRET = secrets.token_urlsafe(24)


class FakeProvider:
    """An OpenID provider with one switch, `mode`, for what it gets wrong."""

    def __init__(self, issuer_in_discovery: str | None = None):
        self.key = RSAKey.generate_key(2048, parameters={"kid": "clave-1"}, private=True)
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": "clave-1"}, private=True)
        self.codes: dict[str, dict] = {}
        self.mode: str | None = None
        self.email, self.email_verified = "", True
        self.authorize_requests: list[dict] = []
        self.token_requests = 0
        self.issuer_in_discovery = issuer_in_discovery
        self.app = self._build()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _build(self) -> Flask:
        app = Flask("fake_idp")
        app.add_url_rule("/.well-known/openid-configuration", "discovery", self.discovery)
        app.add_url_rule("/jwks", "jwks", self.jwks)
        app.add_url_rule("/authorize", "authorize", self.authorize)
        app.add_url_rule("/token", "token", self.token, methods=["POST"])
        return app

    def discovery(self):
        return jsonify(
            issuer=self.issuer_in_discovery or self.url,
            authorization_endpoint=f"{self.url}/authorize",
            token_endpoint=f"{self.url}/token",
            jwks_uri=f"{self.url}/jwks",
            response_types_supported=["code"],
            subject_types_supported=["public"],
            id_token_signing_alg_values_supported=["RS256"],
            code_challenge_methods_supported=["S256"],
        )

    def jwks(self):
        return jsonify(KeySet([self.key]).as_dict(private=False))

    def authorize(self):
        args = request.args.to_dict()
        self.authorize_requests.append(args)
        if args.get("client_id") != CLIENT_ID or args.get("response_type") != "code":
            return "cliente o tipo de respuesta no válido", 400
        if args.get("code_challenge_method") != "S256" or not args.get("code_challenge"):
            return "PKCE obligatorio", 400
        code = secrets.token_urlsafe(16)
        self.codes[code] = args
        query = urlencode({"code": code, "state": args["state"]})
        return redirect(f"{args['redirect_uri']}?{query}")

    def _client_ok(self) -> bool:
        auth = request.authorization
        return bool(auth) and (auth.username, auth.password) == (CLIENT_ID, CLIENT_SECRET)

    def token(self):
        self.token_requests += 1
        form = request.form
        grant = self.codes.pop(form.get("code", ""), None)
        if not self._client_ok() or grant is None:
            return jsonify(error="invalid_grant"), 400
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        same_uri = form.get("redirect_uri") == grant["redirect_uri"]
        if challenge != grant["code_challenge"] or not same_uri:
            return jsonify(error="invalid_grant", error_description="PKCE"), 400
        return jsonify(
            access_token=secrets.token_urlsafe(16),
            token_type="Bearer",
            expires_in=300,
            id_token=self.id_token(grant["nonce"]),
        )

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.url,
            "sub": "id-0001",
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "email": self.email,
            "email_verified": self.email_verified,
            "role": "admin",  # never trusted: the local user's role counts
            "roles": ["admin"],
        }
        key = self.key
        if self.mode == "signature":
            key = self.other_key  # same kid, another private key
        elif self.mode == "nonce":
            claims["nonce"] = "otro-nonce"
        elif self.mode == "audience":
            claims["aud"] = "otro-cliente"
        elif self.mode == "issuer":
            claims["iss"] = "http://127.0.0.1:9/otro"
        elif self.mode == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 1800
        elif self.mode == "unsigned":
            return _unsigned(claims)
        return jwt.encode({"alg": "RS256", "kid": "clave-1"}, claims, key)

    def close(self) -> None:
        self.server.shutdown()


def _unsigned(claims: dict) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


@pytest.fixture(scope="module")
def provider():
    idp = FakeProvider()
    yield idp
    idp.close()


def _configure(monkeypatch, issuer: str, client_id: str = CLIENT_ID) -> None:
    monkeypatch.setenv("TABLERO_OIDC_ISSUER", issuer)
    monkeypatch.setenv("TABLERO_OIDC_CLIENT_ID", client_id)
    monkeypatch.setenv("TABLERO_OIDC_CLIENT_SECRET", CLIENT_SECRET)
    get_settings.cache_clear()


@pytest.fixture
def configured(monkeypatch, provider, internal_app):
    _configure(monkeypatch, provider.url)
    provider.mode, provider.email, provider.email_verified = None, "", True
    yield provider
    monkeypatch.undo()
    get_settings.cache_clear()


def _token(client) -> str:
    page = client.get("/login", headers=HOST).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _client(app, address: str):
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address  # its own rate-limit bucket
    return client


def _start(client, next_path: str = "/indicadores") -> str:
    """Press the button on /login: the provider's authorize URL."""
    response = client.post(
        "/login/oidc", data={"csrf_token": _token(client), "next": next_path}, headers=HOST
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return response.headers["Location"]


def _provider_redirect(authorize_url: str) -> str:
    """What the browser does at the provider: follow /authorize to our callback path."""
    back = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert back.status_code == 302, back.text
    target = urlsplit(back.headers["Location"])
    return f"{target.path}?{target.query}"


def _login(app, address: str, next_path: str = "/indicadores"):
    client = _client(app, address)
    response = client.get(_provider_redirect(_start(client, next_path)), headers=HOST)
    return client, response


def _last_event(engine) -> tuple[str | None, str, str]:
    with engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(
                "select email, event, detail from auth.events order by event_id desc limit 1"
            ).one()
        )


def test_button_only_when_configured(internal_app, monkeypatch, provider):
    client = internal_app.server.test_client()
    page = client.get("/login", headers=HOST).get_data(as_text=True)
    assert 'action="/login/oidc"' not in page
    refused = client.post("/login/oidc", data={"csrf_token": _token(client)}, headers=HOST)
    assert refused.status_code == 404
    assert client.get("/login/oidc/callback?code=x&state=y", headers=HOST).status_code == 404
    _configure(monkeypatch, provider.url)
    try:
        page = client.get("/login", headers=HOST).get_data(as_text=True)
        assert 'action="/login/oidc"' in page and "Ingresar con la cuenta del Distrito" in page
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_full_flow_maps_to_the_local_user_and_role(configured, internal_app, users, engine):
    configured.email = users["lector"][0].upper()  # the provider's spelling of the same address
    client, response = _login(internal_app, "10.20.0.1")
    assert response.status_code == 302 and response.headers["Location"] == "/indicadores"
    sent = configured.authorize_requests[-1]
    assert sent["code_challenge_method"] == "S256" and sent["nonce"] and sent["state"]
    assert "openid" in sent["scope"].split() and "email" in sent["scope"].split()
    assert client.get("/indicadores", headers=HOST).status_code == 200
    # the id_token says "admin": the local role (lector) is what counts
    assert client.get("/auditoria", headers=HOST).status_code == 403
    email, event, detail = _last_event(engine)
    assert (email, event) == (users["lector"][0], "ingreso") and "OpenID Connect" in detail


def test_session_id_is_new_after_the_login(configured, internal_app, users):
    configured.email = users["analista"][0]
    client = _client(internal_app, "10.20.0.2")
    server = internal_app.server
    read = server.session_interface.get_signing_serializer(server).loads
    callback = _provider_redirect(_start(client))
    during = read(client.get_cookie("tablero_sesion", domain="127.0.0.1").value)
    assert any(key.startswith("_state_") for key in during)  # the flow's state, this browser's
    assert client.get(callback, headers=HOST).status_code == 302
    after = read(client.get_cookie("tablero_sesion", domain="127.0.0.1").value)
    assert after.get("_user_id") and after.get("_user_id") != during.get("_user_id")
    assert not any(key.startswith("_state_") for key in after)  # used once, then gone
    assert after.get("csrf_token") != during.get("csrf_token")  # a new form token too


@pytest.mark.parametrize(
    "mode", ["signature", "nonce", "audience", "issuer", "expired", "unsigned"]
)
def test_bad_id_tokens_are_refused(configured, internal_app, users, engine, mode):
    configured.email, configured.mode = users["admin"][0], mode
    client, response = _login(internal_app, f"10.21.0.{len(mode)}")
    assert response.status_code == 400, mode
    assert "No se pudo completar el ingreso" in response.get_data(as_text=True)
    assert client.get("/indicadores", headers=HOST).status_code == 302  # still anonymous
    assert _last_event(engine)[1] == "ingreso fallido"


def test_a_callback_from_another_browser_is_refused_before_any_code_exchange(
    configured, internal_app, users
):
    configured.email = users["admin"][0]
    victim, attacker = _client(internal_app, "10.22.0.1"), _client(internal_app, "10.22.0.2")
    callback = _provider_redirect(_start(attacker))
    exchanged = configured.token_requests
    response = victim.get(callback, headers=HOST)  # login CSRF: the attacker's code and state
    assert response.status_code == 400
    assert configured.token_requests == exchanged
    assert victim.get("/", headers=HOST).status_code == 302
    forged = victim.get("/login/oidc/callback?code=abc&state=xyz", headers=HOST)
    assert forged.status_code == 400 and configured.token_requests == exchanged


def test_start_needs_the_form_token(configured, internal_app):
    client = _client(internal_app, "10.22.0.3")
    client.get("/login", headers=HOST)
    response = client.post("/login/oidc", data={"next": "/"}, headers=HOST)
    assert response.status_code == 400


def test_next_after_the_provider_stays_on_the_site(configured, internal_app, users):
    configured.email = users["analista"][0]
    _, response = _login(internal_app, "10.22.0.4", next_path="https://evil.example/")
    assert response.status_code == 302 and response.headers["Location"] == "/"


@pytest.mark.parametrize(
    ("email", "verified", "message"),
    [
        ("desconocido@prueba.gov.co", True, "no tiene un usuario habilitado"),
        ("oidc.deshabilitado@prueba.gov.co", True, "no tiene un usuario habilitado"),
        ("admin@prueba.gov.co", False, "no confirma el correo"),
    ],
)
def test_accounts_without_a_local_enabled_user_are_refused(
    configured, internal_app, users, engine, email, verified, message
):
    if email.startswith("oidc.deshabilitado") and not any(
        u.email == email for u in accounts.list_users(engine)
    ):
        accounts.add_user(engine, email, "admin", secrets.token_urlsafe(16))
        accounts.disable_user(engine, email)
    configured.email, configured.email_verified = email, verified
    client, response = _login(internal_app, f"10.23.0.{len(email)}")
    assert response.status_code == 403
    assert message in response.get_data(as_text=True)
    assert client.get("/", headers=HOST).status_code == 302
    logged_email, event, _ = _last_event(engine)
    assert (logged_email, event) == (email, "ingreso fallido")


def test_discovery_naming_another_issuer_is_refused(monkeypatch, internal_app):
    impostor = FakeProvider(issuer_in_discovery="https://idp.distrito.example")
    try:
        _configure(monkeypatch, impostor.url, client_id=f"{CLIENT_ID}-2")
        client = _client(internal_app, "10.24.0.1")
        response = client.post(
            "/login/oidc", data={"csrf_token": _token(client), "next": "/"}, headers=HOST
        )
        assert response.status_code == 502
        assert impostor.authorize_requests == []
    finally:
        impostor.close()
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.mark.parametrize(
    "values",
    [
        {"oidc_issuer": "https://idp.example"},  # no client id nor secret
        {"oidc_issuer": "http://idp.example", "oidc_client_id": "x", "oidc_client_secret": "y"},
    ],
)
def test_unusable_configuration_stops_the_app(values):
    with pytest.raises(oidc.OidcConfigError):
        oidc.check_configuration(Settings(**values))


def test_client_secret_has_no_default():
    assert Settings.model_fields["oidc_client_secret"].default is None
    assert not Settings().oidc_configured or Settings().oidc_client_secret is not None
