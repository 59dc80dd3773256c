"""Authorization matrix: each role (and nobody) against each page, callback and download, with
payloads built from the app's own callback map, as the browser would send them."""

from __future__ import annotations

import json

import pytest

from dash_app.auth.registry import CALLBACKS, INTERNAL, PAGES, ROWS, callback_roles, outputs_of

HOST = {"Host": "127.0.0.1"}
ROUTER = ".._pages_content.children..._pages_store.data.."
ROLES = ("admin", "editor", "analista", "lector")


def router_payload(pathname: str, input_id: str = "_pages_location") -> dict:
    return {
        "output": ROUTER,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": input_id, "property": "pathname", "value": pathname},
            {"id": input_id, "property": "search", "value": ""},
        ],
        "changedPropIds": [f"{input_id}.pathname"],
        "state": [],
    }


def payload_for(key: str, entry: dict) -> dict:
    """A request for one callback as the renderer would send it: every input present (clicks
    at 1, the URL at the default period), the first input marked as the one that changed."""

    def item(dep: dict) -> dict:
        prop = dep["property"]
        value = {"n_clicks": 1, "search": "", "pathname": "/"}.get(prop)
        try:
            component_id = json.loads(dep["id"])
        except ValueError:
            component_id = dep["id"]
        if isinstance(component_id, dict):  # pattern-matching (ALL): an empty list
            return []
        return {"id": component_id, "property": prop, "value": value}

    if key.startswith("{"):  # a pattern-matching output (nav links): no matching component
        first = entry["inputs"][0]
        return {
            "output": key,
            "outputs": [],
            "inputs": [
                item(dep) or {"id": dep["id"], "property": dep["property"]}
                for dep in entry["inputs"]
            ],
            "state": [[] for _ in entry.get("state", [])],
            "changedPropIds": [f"{first['id']}.{first['property']}"],
        }
    inputs = [item(dep) for dep in entry["inputs"]]
    first = entry["inputs"][0]
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in outputs_of(key)
    ]
    return {
        "output": key,
        # the renderer sends one object for a single output, a list for several
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": inputs,
        "state": [item(dep) for dep in entry.get("state", [])],
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }


@pytest.fixture(scope="module")
def app(internal_app):
    internal_app.server.test_client().get("/login", headers=HOST)  # first request: router set up
    return internal_app


@pytest.fixture(scope="module")
def clients(app, users, login):
    return {role: login(app, *users[role]) for role in ROLES}


def server_callbacks(app) -> dict:
    """The callbacks that run on the server (clientside ones never reach it)."""
    return {key: entry for key, entry in app.callback_map.items() if "callback" in entry}


def test_every_callback_declares_its_roles(app):
    assert len(server_callbacks(app)) >= 10, "the app has its callbacks"
    undeclared = [key for key in server_callbacks(app) if callback_roles(key, public=False) is None]
    assert undeclared == []


def test_clientside_only_outputs_are_refused_on_the_server(clients):
    response = clients["admin"].post(
        "/_dash-update-component",
        json={"output": "presentation-toggle.title", "inputs": [], "outputs": []},
        headers=HOST,
    )
    assert response.status_code == 400


def test_every_page_declares_its_roles():
    import dash

    paths = {page["path"] for page in dash.page_registry.values()}
    assert paths <= set(PAGES)


def test_anonymous_gets_the_login_page_and_no_data(app):
    client = app.server.test_client()
    for path in PAGES:
        response = client.get(path, headers=HOST)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/login?next=")
    for path in ("/_dash-layout", "/_dash-dependencies"):
        assert client.get(path, headers=HOST).status_code == 401, path
    for key, entry in server_callbacks(app).items():
        response = client.post(
            "/_dash-update-component", json=payload_for(key, entry), headers=HOST
        )
        assert response.status_code == 401, key
        assert "response" not in response.get_data(as_text=True)
    login = client.get("/login", headers=HOST)
    assert login.status_code == 200 and "Ingresar" in login.get_data(as_text=True)


def test_router_renders_each_page_for_each_role(clients):
    for role, client in clients.items():
        for path in PAGES:
            response = client.post(
                "/_dash-update-component", json=router_payload(path), headers=HOST
            )
            assert response.status_code == 200, (role, path)
            body = response.get_data(as_text=True)
            denied = "access-denied" in body
            assert denied == (role not in PAGES[path]), (role, path)


def test_crafted_router_payload_with_made_up_ids_is_still_checked(app, clients):
    anonymous = app.server.test_client()
    crafted = router_payload("/calidad", input_id="pub-anything")
    response = anonymous.post("/_dash-update-component", json=crafted, headers=HOST)
    assert response.status_code == 401
    assert ".xlsx" not in response.get_data(as_text=True)


def test_callbacks_follow_the_registry_for_every_role(app, clients):
    checked = 0
    for key, entry in server_callbacks(app).items():
        allowed = callback_roles(key, public=False)
        for role, client in clients.items():
            response = client.post(
                "/_dash-update-component", json=payload_for(key, entry), headers=HOST
            )
            if role in allowed:
                assert response.status_code in (200, 204), (role, key, response.status_code)
            else:
                assert response.status_code == 403, (role, key)
                assert "response" not in response.get_data(as_text=True)
            checked += 1
    assert checked >= 4 * 10


def test_row_downloads_are_for_admin_and_analista_only():
    downloads = [output for output in CALLBACKS if output.endswith("-download.data")]
    assert downloads
    rows = [output for output in downloads if CALLBACKS[output] == ROWS]
    assert {"ind-download.data", "cal-download.data"} <= set(rows)
    assert "lector" not in ROWS and "editor" not in ROWS and INTERNAL >= ROWS


def test_unknown_output_and_malformed_bodies_answer_400(clients):
    client = clients["admin"]
    bad = [
        {"output": "nothing.here", "inputs": [], "outputs": []},
        {"output": ROUTER, "inputs": "x"},
        {
            **router_payload("/"),
            "inputs": [{"id": "_pages_location", "property": "search", "value": 5}],
        },
        {**router_payload("/\x00calidad")},
        ["not", "an", "object"],
    ]
    for body in bad:
        response = client.post("/_dash-update-component", json=body, headers=HOST)
        assert response.status_code == 400, body
    response = client.post(
        "/_dash-update-component",
        data=b"{not json",
        headers={**HOST, "Content-Type": "application/json"},
    )
    assert response.status_code == 400


def test_oversized_callback_body_is_refused(clients):
    huge = router_payload("/")
    huge["state"] = [{"id": "x", "property": "data", "value": "a" * (600 * 1024)}]
    response = clients["admin"].post("/_dash-update-component", json=huge, headers=HOST)
    assert response.status_code == 413


def test_unknown_host_is_refused(app, clients):
    response = clients["admin"].get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400


def test_cross_site_post_is_refused(clients):
    response = clients["admin"].post(
        "/_dash-update-component",
        json=router_payload("/"),
        headers={**HOST, "Origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_query_string_cannot_reach_the_layout_role_check(monkeypatch):
    """The router passes the query string as keyword arguments to the layout: none of them can
    change whom the check lets in."""
    from dash_app.auth import setup

    guarded = setup._guarded_layout(lambda **query: "contenido interno", frozenset({"admin"}))
    monkeypatch.setattr(setup, "current_role", lambda: "lector")
    for crafted in ({}, {"roles": "lector"}, {"_roles": "lector"}, {"original": "x"}):
        shown = guarded(**crafted)
        assert shown != "contenido interno", crafted
        assert getattr(shown, "id", None) == "access-denied"
    monkeypatch.setattr(setup, "current_role", lambda: "admin")
    assert guarded(roles="nadie") == "contenido interno"


def test_page_requests_follow_the_roles(clients):
    for role, client in clients.items():
        for path, allowed in PAGES.items():
            status = client.get(path, headers=HOST).status_code
            assert status == (200 if role in allowed else 403), (role, path, status)


def test_chunked_callback_bodies_are_capped_too(clients):
    """A body sent without Content-Length is read only up to the cap, then refused."""
    import io
    import json as json_module

    huge = router_payload("/")
    huge["state"] = [{"id": "x", "property": "data", "value": "a" * (600 * 1024)}]
    response = clients["lector"].post(
        "/_dash-update-component",
        input_stream=io.BytesIO(json_module.dumps(huge).encode()),
        headers={**HOST, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    small = router_payload("/")
    response = clients["lector"].post(
        "/_dash-update-component",
        input_stream=io.BytesIO(json_module.dumps(small).encode()),
        headers={**HOST, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 200
