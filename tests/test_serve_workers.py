"""`tablero serve --workers 2`: gunicorn processes sharing one cache, one build worker, and a
login that holds whichever worker answers."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import psutil
import requests

from dash_app import serving
from warehouse.settings import PROJECT_ROOT, Settings

ROUTER = {
    "output": ".._pages_content.children..._pages_store.data..",
    "outputs": [
        {"id": "_pages_content", "property": "children"},
        {"id": "_pages_store", "property": "data"},
    ],
    "inputs": [
        {"id": "_pages_location", "property": "pathname", "value": "/indicadores"},
        {"id": "_pages_location", "property": "search", "value": "?localidad=08"},
    ],
    "changedPropIds": ["_pages_location.pathname"],
    "state": [],
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            requests.get(url + "/login", timeout=5)
            return
        except requests.ConnectionError:
            assert process.poll() is None, process.communicate(timeout=10)[0][-2000:]
            assert time.monotonic() < deadline, "el servidor no respondió"
            time.sleep(0.3)


def _login(url: str, email: str, password: str) -> dict:
    form = requests.get(url + "/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    response = requests.post(
        url + "/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/"},
        cookies=form.cookies,
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    return {**form.cookies.get_dict(), **response.cookies.get_dict()}


def test_default_shared_cache_is_a_folder_per_database(engine):
    url = serving.shared_cache_url(Settings(cache_url=None))
    assert url.startswith("file://") and url.endswith(engine.url.database)
    assert serving.shared_cache_url(Settings(cache_url="redis://r:6379/1")) == "redis://r:6379/1"


def test_two_workers_share_the_cache_and_run_one_build_worker(built_warehouse, users, tmp_path):
    port, url = _free_port(), None
    env = {**os.environ, "TABLERO_CACHE_URL": f"file://{tmp_path}"}
    command = [sys.executable, "-m", "dash_app.cli", "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url, process)
        # the first worker answers while the second may still be starting: give it time
        deadline = time.monotonic() + 60
        while True:
            children = psutil.Process(process.pid).children()
            workers = [c for c in children if "dash_app.cli" in " ".join(c.cmdline())]
            builders = [c for c in children if "multiprocessing.spawn" in " ".join(c.cmdline())]
            if len(workers) >= 2 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert (len(workers), len(builders)) == (2, 1)
        cookies = _login(url, *users["analista"])
        answers = set()
        for _ in range(6):  # new connections: both workers answer, all logged in
            response = requests.post(
                url + "/_dash-update-component",
                json=ROUTER,
                cookies=cookies,
                headers={"Connection": "close"},
                timeout=60,
            )
            assert response.status_code == 200, response.text[:300]
            answers.add(response.text)
        assert len(answers) == 1  # built once, the same page from the shared cache
        assert "ind-" in answers.pop()
        assert any(tmp_path.iterdir()), "nothing was written to the shared cache"
        anonymous = requests.post(url + "/_dash-update-component", json=ROUTER, timeout=30)
        assert anonymous.status_code == 401
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "2 procesos (gunicorn) con caché compartida (archivos)." in output
    _gone, alive = psutil.wait_procs(workers + builders, timeout=15)
    assert not alive, f"processes left behind: {alive}"
