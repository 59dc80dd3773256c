"""Login, sessions, headers and secrets: what an attacker on the network would try first."""

from __future__ import annotations

import json
import os
import re
import stat

import pytest
from typer.testing import CliRunner

from warehouse import secrets as warehouse_secrets
from warehouse import users as accounts
from warehouse.settings import PROJECT_ROOT, Settings

HOST = {"Host": "127.0.0.1"}


def _find_prop(node, component_id: str, prop: str):
    """A prop of the component with that id anywhere in a serialised Dash layout."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props, dict) and props.get("id") == component_id:
            return props.get(prop)
        return next(
            (v for child in node.values() if (v := _find_prop(child, component_id, prop))), None
        )
    if isinstance(node, list):
        return next((v for child in node if (v := _find_prop(child, component_id, prop))), None)
    return None


def _form_token(client, path="/login") -> str:
    page = client.get(path, headers=HOST).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_wrong_password_is_refused_and_audited(internal_app, users, engine):
    client = internal_app.server.test_client()
    token = _form_token(client)
    response = client.post(
        "/login",
        data={"email": users["lector"][0], "password": "no-es-la-clave", "csrf_token": token},
        headers=HOST,
    )
    assert response.status_code == 401
    assert "incorrectos" in response.get_data(as_text=True)
    with engine.connect() as conn:
        events = conn.exec_driver_sql(
            "select event from auth.events where email = %s order by event_id desc limit 1",
            (users["lector"][0],),
        ).scalar()
    assert events == "ingreso fallido"


def test_login_without_csrf_token_is_refused(internal_app, users):
    client = internal_app.server.test_client()
    client.get("/login", headers=HOST)
    response = client.post(
        "/login", data={"email": users["admin"][0], "password": users["admin"][1]}, headers=HOST
    )
    assert response.status_code == 400


def test_login_is_rate_limited_per_address(internal_app):
    client = internal_app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = "10.9.8.7"
    statuses = []
    for _ in range(12):
        token = _form_token(client)
        response = client.post(
            "/login",
            data={"email": "nadie@prueba.gov.co", "password": "x" * 12, "csrf_token": token},
            headers=HOST,
        )
        statuses.append(response.status_code)
    assert statuses[0] == 401
    assert statuses[-1] == 429


def test_next_never_leaves_the_site(internal_app, users):
    client = internal_app.server.test_client()
    token = _form_token(client)
    response = client.post(
        "/login",
        data={
            "email": users["analista"][0],
            "password": users["analista"][1],
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        headers=HOST,
    )
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_logout_ends_the_server_side_session(internal_app, users, login):
    client = login(internal_app, *users["lector"])
    assert client.get("/indicadores", headers=HOST).status_code == 200
    layout = client.get("/_dash-layout", headers=HOST).get_data(as_text=True)
    assert "user-menu" in layout and "lector@prueba.gov.co" in layout
    csrf = _find_prop(json.loads(layout), "logout-csrf", "value")
    assert csrf  # the logout form carries the session's token
    response = client.post("/logout", data={"csrf_token": csrf}, headers=HOST)
    assert response.status_code == 302
    assert client.get("/indicadores", headers=HOST).status_code == 302


def test_disabling_a_user_ends_their_sessions(internal_app, engine, login):
    accounts.add_user(engine, "temporal@prueba.gov.co", "lector", "una-clave-larga-123")
    client = login(internal_app, "temporal@prueba.gov.co", "una-clave-larga-123")
    assert client.get("/", headers=HOST).status_code == 200
    accounts.disable_user(engine, "temporal@prueba.gov.co")
    assert client.get("/", headers=HOST).status_code == 302


def test_security_headers_and_cookie_flags(internal_app, users):
    client = internal_app.server.test_client()
    response = client.get("/login", headers=HOST)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secrets_are_generated_per_install_with_mode_0600(tmp_path):
    first = warehouse_secrets.load_secrets(Settings(data_dir=tmp_path / "a"))
    second = warehouse_secrets.load_secrets(Settings(data_dir=tmp_path / "b"))
    assert first.pseudonym_key != second.pseudonym_key
    assert first.secret_key != second.secret_key != first.pseudonym_key
    assert len(first.pseudonym_key) >= 64
    mode = stat.S_IMODE(os.stat(tmp_path / "a" / "secrets.json").st_mode)
    assert mode == 0o600
    again = warehouse_secrets.load_secrets(Settings(data_dir=tmp_path / "a"))
    assert again == first


@pytest.mark.parametrize("weak", ["", "cambie-esta-clave-en-produccion", "changeme", "corta"])
def test_weak_keys_are_refused(tmp_path, weak):
    settings = Settings(data_dir=tmp_path, pseudonym_key=weak)
    with pytest.raises(warehouse_secrets.WeakSecretError):
        warehouse_secrets.load_secrets(settings)


def test_load_refuses_to_start_with_a_known_key(monkeypatch, tmp_path, engine):
    from warehouse.cli import app
    from warehouse.settings import get_settings

    monkeypatch.setenv("TABLERO_PSEUDONYM_KEY", "cambie-esta-clave-en-produccion")
    get_settings.cache_clear()
    warehouse_secrets.clear_cache()
    try:
        export = next((PROJECT_ROOT / "seeds" / "demo").rglob("*.csv"))
        result = CliRunner().invoke(app, ["load", str(export)])
    finally:
        monkeypatch.delenv("TABLERO_PSEUDONYM_KEY")
        get_settings.cache_clear()
        warehouse_secrets.clear_cache()
    assert result.exit_code != 0
    assert "conocida o demasiado corta" in (result.output + str(result.exception))


def test_no_secret_has_a_default_in_the_code():
    fields = Settings.model_fields
    for name in ("pseudonym_key", "secret_key"):
        assert fields[name].default is None, name
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("warehouse", "dash_app")
        for p in (PROJECT_ROOT / folder).rglob("*.py")
        if p.name != "secrets.py"  # lists the known keys in order to refuse them
    )
    assert "cambie-esta-clave" not in code
    assert not re.search(r"SECRET_KEY\s*=\s*['\"]", code)


def test_user_cli_round_trip(engine):
    from warehouse.cli import app

    runner = CliRunner()
    added = runner.invoke(
        app,
        [
            "user",
            "add",
            "Nuevo.Enlace@Prueba.gov.co",
            "--role",
            "editor",
            "--entity",
            "sdg",
            "--password-stdin",
        ],
        input="una-clave-bien-larga\n",
    )
    assert added.exit_code == 0, added.output
    assert "nuevo.enlace@prueba.gov.co (editor de SDG)" in added.output
    listed = runner.invoke(app, ["user", "list"])
    assert "nuevo.enlace@prueba.gov.co\teditor\tSDG\tactivo" in listed.output
    short = runner.invoke(
        app,
        ["user", "set-password", "nuevo.enlace@prueba.gov.co", "--password-stdin"],
        input="corta\n",
    )
    assert short.exit_code == 2 and "al menos 12" in short.output
    missing_entity = runner.invoke(
        app,
        ["user", "add", "x@prueba.gov.co", "--role", "editor", "--password-stdin"],
        input="una-clave-bien-larga\n",
    )
    assert missing_entity.exit_code == 2 and "entidad" in missing_entity.output
    disabled = runner.invoke(app, ["user", "disable", "nuevo.enlace@prueba.gov.co"])
    assert disabled.exit_code == 0
    assert (
        accounts.authenticate(engine, "nuevo.enlace@prueba.gov.co", "una-clave-bien-larga") is None
    )


def test_idle_and_expired_sessions_end(engine):
    user = accounts.add_user(engine, "inactivo@prueba.gov.co", "lector", "una-clave-larga-456")
    token = accounts.open_session(engine, user, hours=8)
    assert accounts.session_user(engine, token, idle_minutes=60).email == user.email
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "update auth.sessions set last_seen_at = now() - interval '2 hours' where user_id = %s",
            (user.user_id,),
        )
    assert accounts.session_user(engine, token, idle_minutes=60) is None
    fresh = accounts.open_session(engine, user, hours=0)  # expires at once
    assert accounts.session_user(engine, fresh, idle_minutes=60) is None
