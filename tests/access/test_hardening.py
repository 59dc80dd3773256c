"""What an outsider probes after the login: caching of answers, body sizes on every route,
status codes of unknown pages and wrong methods, headers on errors, one account attacked from
many addresses."""

from __future__ import annotations

import json
import re

import pytest

from warehouse.settings import get_settings

HOST = {"Host": "127.0.0.1"}
ROUTER = ".._pages_content.children..._pages_store.data.."
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _router(path: str) -> dict:
    return {
        "output": ROUTER,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


@pytest.fixture(scope="module")
def analista(internal_app, users, login):
    return login(internal_app, *users["analista"])


def _assert_headers(response, what):
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (what, name)
    assert "frame-ancestors 'none'" in response.headers.get("Content-Security-Policy", ""), what


def test_no_answer_but_static_files_may_be_cached(internal_app, analista):
    anonymous = internal_app.server.test_client()
    answers = {
        "login": anonymous.get("/login", headers=HOST),
        "redirect": anonymous.get("/indicadores", headers=HOST),
        "401": anonymous.get("/_dash-layout", headers=HOST),
        "page": analista.get("/indicadores", headers=HOST),
        "layout": analista.get("/_dash-layout", headers=HOST),
        "dependencies": analista.get("/_dash-dependencies", headers=HOST),
        "callback": analista.post(
            "/_dash-update-component", json=_router("/calidad"), headers=HOST
        ),
    }
    for what, response in answers.items():
        assert response.headers.get("Cache-Control") == "no-store", what
    css = anonymous.get("/assets/tablero.css", headers=HOST)
    assert css.status_code == 200 and "no-store" not in css.headers.get("Cache-Control", "")


def test_every_response_carries_the_security_headers(internal_app, analista):
    anonymous = internal_app.server.test_client()
    answers = {
        "static": anonymous.get("/assets/tablero.css", headers=HOST),
        "static 404": anonymous.get("/assets/no-existe.css", headers=HOST),
        "host": anonymous.get("/login", headers={"Host": "evil.example"}),
        "405": anonymous.put("/login", headers=HOST),
        "413": anonymous.post("/login", data={"email": "x" * 70_000}, headers=HOST),
        "page 404": analista.get("/no-existe", headers=HOST),
        "callback 400": analista.post(
            "/_dash-update-component", json={"output": "x.y", "inputs": []}, headers=HOST
        ),
    }
    for what, response in answers.items():
        _assert_headers(response, what)


def test_plain_answers_name_their_charset_once(internal_app):
    response = internal_app.server.test_client().get("/_dash-layout", headers=HOST)
    assert response.status_code == 401
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_bodies_of_forms_are_capped_small(internal_app, users, login):
    """Only a callback (an upload) may carry megabytes: a form post of 70 KB is refused before
    it is parsed."""
    client = internal_app.server.test_client()
    response = client.post("/login", data={"email": "x" * 70_000}, headers=HOST)
    assert response.status_code == 413
    logged_in = login(internal_app, *users["lector"])
    response = logged_in.post("/logout", data={"csrf_token": "x" * 70_000}, headers=HOST)
    assert response.status_code == 413
    assert logged_in.get("/indicadores", headers=HOST).status_code == 200  # still logged in


def test_unknown_page_answers_404_with_the_spanish_page(analista):
    response = analista.get("/no-existe", headers=HOST)
    assert response.status_code == 404
    assert "_dash-renderer" in response.get_data(as_text=True)  # the shell renders its 404
    assert analista.get("/indicadores", headers=HOST).status_code == 200
    assert analista.get("/indicadores/", headers=HOST).status_code == 200


def test_callback_route_takes_only_post(analista):
    for method in ("get", "put", "delete", "options"):
        response = getattr(analista, method)("/_dash-update-component", headers=HOST)
        assert response.status_code == 405, method


def test_deeply_nested_callback_body_is_a_plain_400(analista):
    body = '{"output": "a.b", "inputs": ' + "[" * 20_000 + "]" * 20_000 + "}"
    response = analista.post(
        "/_dash-update-component",
        data=body,
        headers={**HOST, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "demasiado anidada" in response.get_data(as_text=True)  # refused, not a crash


def test_one_account_attacked_from_many_addresses_is_slowed(internal_app, monkeypatch):
    monkeypatch.setenv("TABLERO_LOGIN_ACCOUNT_RATE_LIMIT", "3 per minute")
    get_settings.cache_clear()
    statuses = []
    try:
        for number in range(5):
            client = internal_app.server.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.30.0.{number}"
            page = client.get("/login", headers=HOST).get_data(as_text=True)
            token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            response = client.post(
                "/login",
                data={"email": "Victima@prueba.gov.co", "password": "x" * 12, "csrf_token": token},
                headers=HOST,
            )
            statuses.append(response.status_code)
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3:] == [429, 429]


def _report_request(delivery_id: int) -> dict:
    component = {"index": delivery_id, "type": "ent-report"}
    return {
        "output": "ent-report-download.data",
        "outputs": {"id": "ent-report-download", "property": "data"},
        "inputs": [[{"id": component, "property": "n_clicks", "value": 1}]],
        "changedPropIds": [json.dumps(component, separators=(",", ":")) + ".n_clicks"],
        "state": [],
    }


def test_editor_cannot_name_another_entitys_delivery(internal_app, users, login, engine):
    """The delivery id comes from the client (the clicked button's index): the server checks
    the entity, so an editor gets their own entity's report and nobody else's."""
    editor = login(internal_app, *users["editor"])
    with engine.connect() as conn:
        own, other = (
            conn.exec_driver_sql(
                "select min(delivery_id) from intake.deliveries where entity_code "
                + condition
                + " 'SDMUJER'"
            ).scalar()
            for condition in ("=", "<>")
        )
    assert own and other
    mine = editor.post("/_dash-update-component", json=_report_request(own), headers=HOST)
    assert mine.status_code == 200 and '"content"' in mine.get_data(as_text=True)
    theirs = editor.post("/_dash-update-component", json=_report_request(other), headers=HOST)
    assert theirs.status_code in (200, 204)
    assert '"content"' not in theirs.get_data(as_text=True)


def test_nul_in_a_form_or_query_is_a_400_not_a_crash(internal_app):
    client = internal_app.server.test_client()
    page = client.get("/login", headers=HOST).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(
        "/login",
        data={"email": "a\x00@prueba.gov.co", "password": "x" * 12, "csrf_token": token},
        headers=HOST,
    )
    assert response.status_code == 400
    assert client.get("/login?next=/%00", headers=HOST).status_code == 400


def test_e_mails_with_control_characters_are_not_addresses():
    from warehouse.users import UserError, normalize_email

    assert normalize_email(" Ana@Prueba.gov.co ") == "ana@prueba.gov.co"
    for bad in ("a\x00@b.co", "a@b\x07.co", "a\x7f@b.co", "a b@c.co", "sin-arroba"):
        with pytest.raises(UserError):
            normalize_email(bad)


def _failed_login(client, forwarded_for: str, email: str = "nadie@prueba.gov.co", password=None):
    page = client.get("/login", headers=HOST).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post(
        "/login",
        data={"email": email, "password": password or "x" * 12, "csrf_token": token},
        headers={**HOST, "X-Forwarded-For": forwarded_for},
    ).status_code


def test_a_client_cannot_pick_its_address_for_the_login_limit(internal_app):
    """Without a trusted proxy, X-Forwarded-For is ignored: a new value per attempt does not
    escape the limit."""
    client = internal_app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = "10.31.0.1"
    statuses = [_failed_login(client, f"192.0.2.{n}") for n in range(12)]
    assert statuses[0] == 401 and statuses[-1] == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(internal_app, users, monkeypatch):
    """Behind nginx every request comes from the proxy's address: one attacker's failures must
    not lock every user out, so the limit counts the forwarded client address."""
    monkeypatch.setenv("TABLERO_TRUSTED_PROXIES", "1")
    get_settings.cache_clear()
    try:
        proxy = internal_app.server.test_client()
        proxy.environ_base["REMOTE_ADDR"] = "10.31.0.2"
        attacker = [_failed_login(proxy, "198.51.100.7") for _ in range(12)]
        assert attacker[-1] == 429
        colleague = internal_app.server.test_client()
        colleague.environ_base["REMOTE_ADDR"] = "10.31.0.2"
        assert _failed_login(colleague, "198.51.100.8", *users["lector"]) == 302
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_cross_site_posts_are_refused_with_or_without_origin(analista):
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},  # a browser that left Origin out
    ):
        response = analista.post(
            "/_dash-update-component", json=_router("/"), headers={**HOST, **headers}
        )
        assert response.status_code == 403, headers
    same = analista.post(
        "/_dash-update-component",
        json=_router("/"),
        headers={**HOST, "Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"},
    )
    assert same.status_code == 200


def test_over_tls_cookies_are_secure_and_browsers_stay_on_https(internal_app, monkeypatch):
    client = internal_app.server.test_client()
    response = client.get("/login", headers=HOST, base_url="https://127.0.0.1")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # through a trusted proxy that ended TLS
    monkeypatch.setenv("TABLERO_TRUSTED_PROXIES", "1")
    get_settings.cache_clear()
    try:
        proxied = internal_app.server.test_client().get(
            "/login", headers={**HOST, "X-Forwarded-Proto": "https"}
        )
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert "Strict-Transport-Security" in proxied.headers
    assert "Secure" in proxied.headers["Set-Cookie"]
    plain = internal_app.server.test_client().get(
        "/login",
        headers={**HOST, "X-Forwarded-Proto": "https"},  # no proxy trusted: ignored
    )
    assert "Strict-Transport-Security" not in plain.headers
    assert "Secure" not in plain.headers["Set-Cookie"]
