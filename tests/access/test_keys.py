"""`serve`, `load` and `demo` stop before doing anything when a key is empty, known or short."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from warehouse import secrets as warehouse_secrets
from warehouse.settings import PROJECT_ROOT, get_settings


@pytest.fixture
def weak_key(monkeypatch):
    def use(name: str, value: str) -> None:
        monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        warehouse_secrets.clear_cache()

    yield use
    monkeypatch.undo()
    get_settings.cache_clear()
    warehouse_secrets.clear_cache()


def _deliveries(engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql("select count(*) from intake.deliveries").scalar()


@pytest.mark.parametrize("value", ["", "changeme", "cambie-esta-clave-en-produccion"])
def test_load_stops_before_reading_any_file(engine, weak_key, value):
    from warehouse.cli import app

    before = _deliveries(engine)
    weak_key("TABLERO_PSEUDONYM_KEY", value)
    export = next((PROJECT_ROOT / "seeds" / "demo").rglob("*.csv"))
    result = CliRunner().invoke(app, ["load", str(export)])
    assert result.exit_code == 2
    assert "No se carga nada" in result.output and "TABLERO_PSEUDONYM_KEY" in result.output
    assert _deliveries(engine) == before


def test_demo_stops_with_a_known_key(engine, weak_key):
    from warehouse.cli import app

    weak_key("TABLERO_SECRET_KEY", "secret")
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 2 and "TABLERO_SECRET_KEY" in result.output


@pytest.mark.parametrize("public", ["false", "true"])
def test_serve_refuses_a_known_session_key(database_url, public):
    env = {**os.environ, "TABLERO_SECRET_KEY": "changeme", "TABLERO_PUBLIC_ONLY": public}
    done = subprocess.run(
        [sys.executable, "-m", "dash_app.cli", "serve", "--port", "1"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "No se inicia el tablero" in done.stderr and "TABLERO_SECRET_KEY" in done.stderr
    assert "disponible" not in done.stdout
