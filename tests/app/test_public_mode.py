"""TABLERO_PUBLIC_ONLY: the public deployment is a separate app, in its own process, that holds
the public page and nothing else: no internal layout, callback or query is reachable, whatever
a crafted request names."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from dash_app.auth.registry import PUBLIC_CALLBACKS, outputs_of
from warehouse.settings import PROJECT_ROOT, Settings

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
INTERNAL_MARKERS = ("ind-", "cal-", "plan-", "terr-", "cat-", "gob-", "bar-", ".xlsx", "Ranking")


def _router_payload(pathname: str, input_id: str = "_pages_location") -> dict:
    """What the browser posts when Dash pages renders a path (input ids may be made up)."""
    return {
        "output": ROUTER_OUTPUT,
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def public_url(built_warehouse):
    """`TABLERO_PUBLIC_ONLY=true tablero serve`, as a deployment runs it (its own process)."""
    port = _free_port()
    env = {**os.environ, "TABLERO_PUBLIC_ONLY": "true"}
    process = subprocess.Popen(
        [sys.executable, "-m", "dash_app.cli", "serve", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            requests.get(url + "/publico", timeout=5)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.communicate(timeout=10)[0] if process.poll() is not None else ""
                pytest.fail(f"el servidor público no respondió: {output[-2000:]}")
            time.sleep(0.3)
    yield url
    process.terminate()
    process.communicate(timeout=30)


def _post(url: str, body) -> requests.Response:
    return requests.post(url + "/_dash-update-component", json=body, timeout=30)


def test_setting_reads_the_environment(monkeypatch):
    monkeypatch.setenv("TABLERO_PUBLIC_ONLY", "1")
    assert Settings().public_only is True
    monkeypatch.delenv("TABLERO_PUBLIC_ONLY")
    assert Settings().public_only is False


def test_only_the_public_page_is_served(public_url):
    response = requests.get(public_url + "/indicadores", timeout=30, allow_redirects=False)
    assert response.status_code == 404
    assert "Página no encontrada" in response.text
    for path in ("/calidad", "/catalogo", "/404", "/plan-de-accion?desde=2024-01", "/login"):
        assert requests.get(public_url + path, timeout=30).status_code == 404, path
    assert requests.get(public_url + "/publico", timeout=30).status_code == 200
    redirect = requests.get(
        public_url + "/?desde=2024-06&hasta=2024-08", timeout=30, allow_redirects=False
    )
    assert redirect.status_code == 302
    assert redirect.headers["Location"].endswith("/publico?desde=2024-06&hasta=2024-08")
    for path in ("/_dash-layout", "/_dash-dependencies", "/assets/tablero.css", "/_favicon.ico"):
        assert requests.get(public_url + path, timeout=30).status_code == 200, path


def test_dependencies_list_only_public_outputs(public_url):
    dependencies = requests.get(public_url + "/_dash-dependencies", timeout=30).json()
    outputs = {
        o
        for dep in dependencies
        if dep.get("clientside_function") is None
        for o in outputs_of(dep["output"])
    }
    assert outputs, "the public app has callbacks"
    assert outputs <= set(PUBLIC_CALLBACKS), outputs - set(PUBLIC_CALLBACKS)
    text = json.dumps(dependencies)
    for marker in ("ind-", "cal-", "plan-", "cat-download"):
        assert marker not in text, marker


def _hrefs(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["href"]} if isinstance(node.get("href"), str) else set()
        return found.union(*(_hrefs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_hrefs(value) for value in node))
    return set()


def test_the_shell_offers_only_the_public_page(public_url):
    layout = requests.get(public_url + "/_dash-layout", timeout=30).json()
    assert _hrefs(layout) == {"/publico"}  # the brand and the one navbar link


def test_router_renders_only_the_public_page(public_url):
    allowed = _post(public_url, _router_payload("/publico"))
    assert allowed.status_code == 200
    rendered = json.dumps(allowed.json(), ensure_ascii=False)
    assert "Datos públicos" in rendered and "pub-legend" in rendered
    # The public deployment has no locality/entity/UTA filters, so the page does not mention them.
    assert "Se elige el corte." in rendered and "no aplican" not in rendered
    for path in ("/indicadores", "/calidad", "/territorio", "/entidades", "/gobernanza"):
        for input_id in ("_pages_location", "pub-cutoff", "made-up"):
            response = _post(public_url, _router_payload(path, input_id))
            assert response.status_code == 200, (path, input_id)
            body = json.dumps(response.json(), ensure_ascii=False)
            assert "Página no encontrada" in body, (path, input_id)
            assert not any(marker in body for marker in INTERNAL_MARKERS), (path, input_id)


def test_callbacks_of_internal_pages_are_refused(public_url):
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
    refused = _post(public_url, catalogue_download)
    assert 400 <= refused.status_code < 500 and "content" not in refused.text
    not_json = requests.post(
        public_url + "/_dash-update-component",
        data="no json",
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert not_json.status_code == 400
    nul = _post(public_url, _router_payload("/publico\x00"))
    assert nul.status_code == 400


def test_public_responses_carry_the_security_headers(public_url):
    response = requests.get(public_url + "/publico", timeout=30)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    wrong_host = requests.get(public_url + "/publico", headers={"Host": "evil.example"}, timeout=30)
    assert wrong_host.status_code == 400


def test_public_site_passes_axe_and_fits_every_screen(browser, public_url):
    """The public deployment, as anyone reaches it (no login), from 360 to 1920 px."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    for width, height in ((360, 740), (1920, 1080)):
        context = browser.new_context(locale="es-CO", viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(public_url + "/publico")
        page.wait_for_load_state("networkidle")
        page.locator("#pub-legend").wait_for()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        violations = Axe().run(page, options=options).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
        context.close()
