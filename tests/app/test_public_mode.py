"""TABLERO_PUBLIC_ONLY: a public deployment serves /publico and Dash's own routes, nothing else;
callbacks of internal pages are refused before they run."""

from __future__ import annotations

import json
import urllib.request

import pytest

from dash_app import public_mode
from warehouse.settings import Settings

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."


def _router_payload(pathname: str) -> dict:
    """What the browser posts when Dash pages renders a path."""
    return {
        "output": ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


@pytest.fixture(scope="module")
def public_client(app_url):
    """A test client of the app built with the switch on.

    Dash hands the `@callback`s registered at import to the first app that serves a request, so
    the session's app (app_url) is asked first: it keeps the callbacks the browser tests need."""
    with urllib.request.urlopen(app_url + "/_dash-dependencies", timeout=30) as response:
        assert response.status == 200
    from dash_app.app import create_app

    return create_app(public_only=True).server.test_client()


def test_setting_reads_the_environment(monkeypatch):
    monkeypatch.setenv("TABLERO_PUBLIC_ONLY", "1")
    assert Settings().public_only is True
    monkeypatch.delenv("TABLERO_PUBLIC_ONLY")
    assert Settings().public_only is False


def test_only_the_public_page_is_served(public_client, app_url):
    response = public_client.get("/indicadores")
    assert response.status_code == 404
    assert "Página no encontrada" in response.get_data(as_text=True)
    for path in ("/calidad", "/catalogo", "/404", "/plan-de-accion?desde=2024-01"):
        assert public_client.get(path).status_code == 404, path
    assert public_client.get("/publico").status_code == 200
    redirect = public_client.get("/?desde=2024-06&hasta=2024-08")
    assert redirect.status_code == 302
    assert redirect.headers["Location"].endswith("/publico?desde=2024-06&hasta=2024-08")
    for path in ("/_dash-layout", "/_dash-dependencies", "/assets/tablero.css", "/_favicon.ico"):
        assert public_client.get(path).status_code == 200, path
    # The internal deployment (switch off) still serves every page.
    with urllib.request.urlopen(app_url + "/indicadores", timeout=30) as response:
        assert response.status == 200


def _hrefs(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["href"]} if isinstance(node.get("href"), str) else set()
        return found.union(*(_hrefs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_hrefs(value) for value in node))
    return set()


def test_the_shell_offers_only_the_public_page(public_client):
    layout = public_client.get("/_dash-layout").get_json()
    assert _hrefs(layout) == {"/publico"}  # the brand and the one navbar link


def _find(node, component_id: str):
    """The component with that id in a serialised layout, or None."""
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == component_id:
            return node
        return next((f for v in node.values() if (f := _find(v, component_id))), None)
    if isinstance(node, list):
        return next((f for v in node if (f := _find(v, component_id))), None)
    return None


def _column_class(layout, component_id: str) -> str:
    """className of the filter-bar column that holds the component."""

    def walk(node, parent_class):
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") == component_id:
                return parent_class
            own = props.get("className") if node.get("type") == "Col" else parent_class
            return next(
                (r for v in props.values() if (r := walk(v, own)) is not None),
                None,
            )
        if isinstance(node, list):
            return next((r for v in node if (r := walk(v, parent_class)) is not None), None)
        return None

    return walk(layout, None) or ""


def test_public_filter_bar_shows_the_period_only(public_client, app_url):
    layout = public_client.get("/_dash-layout").get_json()
    for hidden in ("filter-locality", "filter-entity", "filter-uta"):
        assert _find(layout, hidden) is not None, hidden  # kept for the shell's callbacks
        assert "d-none" in _column_class(layout, hidden), hidden
    assert "d-none" not in _column_class(layout, "filter-period")
    with urllib.request.urlopen(app_url + "/_dash-layout", timeout=30) as response:
        internal = json.load(response)
    assert "d-none" not in _column_class(internal, "filter-locality")


def test_router_renders_only_the_public_page(public_client):
    allowed = public_client.post("/_dash-update-component", json=_router_payload("/publico"))
    assert allowed.status_code == 200
    rendered = json.dumps(allowed.get_json(), ensure_ascii=False)
    assert "Datos públicos" in rendered and "pub-legend" in rendered
    # The public deployment has no locality/entity/UTA filters, so the page does not mention them.
    assert "Se elige el corte." in rendered and "no aplican" not in rendered
    refused = public_client.post("/_dash-update-component", json=_router_payload("/indicadores"))
    assert refused.status_code == 403
    assert "versión pública" in refused.get_data(as_text=True)


def test_callbacks_of_internal_pages_are_refused(public_client):
    catalogue_download = {
        "output": "cat-download.data",
        "outputs": {"id": "cat-download", "property": "data"},
        "inputs": [
            {"id": "cat-csv", "property": "n_clicks", "value": 1},
            {"id": "cat-xlsx", "property": "n_clicks", "value": None},
        ],
        "changedPropIds": ["cat-csv.n_clicks"],
        "state": [{"id": "url", "property": "search", "value": ""}],
    }
    assert public_client.post("/_dash-update-component", json=catalogue_download).status_code == 403
    assert public_client.post("/_dash-update-component", data="no json").status_code == 403


def test_callback_screen_accepts_shell_and_public_ids_only():
    nav_links = {
        "outputs": [[{"id": {"type": "nav-link", "index": "/publico"}, "property": "href"}]],
        "inputs": [{"id": "url", "property": "search", "value": ""}],
        "state": [[{"id": {"type": "nav-link", "index": "/publico"}, "property": "id"}]],
    }
    assert public_mode.callback_allowed(nav_links)
    public_download = {
        "outputs": {"id": "pub-download", "property": "data"},
        "inputs": [{"id": "pub-csv", "property": "n_clicks", "value": 1}],
        "state": [{"id": "pub-cutoff", "property": "value", "value": "2024-C1"}],
    }
    assert public_mode.callback_allowed(public_download)
    mixed = {**public_download, "inputs": [{"id": "ind-indicator", "property": "value"}]}
    assert not public_mode.callback_allowed(mixed)
    assert not public_mode.callback_allowed({"outputs": [], "inputs": []})
