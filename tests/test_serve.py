"""`tablero serve` as `make run` starts it: a production WSGI server (waitress), in Spanish."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from warehouse.settings import PROJECT_ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_runs_waitress_and_answers_the_dashboard(built_warehouse):
    port = _free_port()
    command = [sys.executable, "-m", "dash_app.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=os.environ.copy(),  # DATABASE_URL of this test session's database
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        response = _get(f"http://127.0.0.1:{port}/")  # nobody logged in: the login form
        assert response.status == 200
        assert response.url.endswith("/login?next=/")
        assert response.headers["Server"] == "tablero"  # waitress, not the development server
        page = response.read().decode("utf-8")
        assert '<html lang="es">' in page and "Ingresar" in page
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=30)
        assert refused.value.code == 401
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"Tablero disponible en http://127.0.0.1:{port}" in output
    assert "development server" not in output
