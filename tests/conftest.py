"""Shared fixtures: a fresh database per test session on a real PostgreSQL, the demo warehouse
built with dbt, the Dash app served on a free port, and headless Chromium through Playwright."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from warehouse import db as warehouse_db
from warehouse.settings import PROJECT_ROOT, Settings, get_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


def _reset_caches() -> None:
    get_settings.cache_clear()
    warehouse_db.clear_engines()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A brand-new database for this test session on the configured server.

    DATABASE_URL (e.g. the CI's system PostgreSQL) names the server; without it the embedded
    pgserver warehouse is used. Either way the suite works in its own database, dropped at the end.
    """
    server_url = warehouse_db.resolve_url(Settings())
    name = f"tablero_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    test_url = server_url.set(database=name).render_as_string(hide_password=False)
    previous = os.environ.get("DATABASE_URL")
    os.environ["TABLERO_DBT_TARGET_DIR"] = str(
        PROJECT_ROOT / "dbt_project" / "target" / "tests" / name
    )
    os.environ["DATABASE_URL"] = test_url.replace("postgresql+psycopg", "postgresql")
    _reset_caches()
    yield os.environ["DATABASE_URL"]
    _reset_caches()
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    with admin.connect() as conn:
        conn.execute(text(f'drop database if exists "{name}" with (force)'))
    admin.dispose()


@pytest.fixture(scope="session")
def engine(database_url: str):
    from warehouse.schema import ensure_schema

    engine = warehouse_db.get_engine()
    ensure_schema(engine)
    return engine


@pytest.fixture(scope="session")
def built_warehouse(engine):
    """The demo exports loaded and built once per session, the way `tablero demo` does it:
    `dbt build` (every dbt test included) into a side schema, swapped in when it passes."""
    from warehouse.dbt_runner import safe_build
    from warehouse.demo import load_demo

    results = load_demo(engine, get_settings().demo_dir)
    rejected = [r.message for r in results if r.status == "rechazado"]
    assert not rejected, rejected
    outcome = safe_build()
    assert outcome.success, outcome.failures
    return engine


ROLE_USERS = {
    "admin": ("admin@prueba.gov.co", None),
    "editor": ("enlace.mujer@prueba.gov.co", "SDMUJER"),
    "analista": ("analista@prueba.gov.co", None),
    "lector": ("lector@prueba.gov.co", None),
}


@pytest.fixture(scope="session")
def users(engine) -> dict[str, tuple[str, str]]:
    """One user per role with a random password: role → (email, password)."""
    import secrets

    from warehouse import users as accounts

    created = {}
    for role, (email, entity) in ROLE_USERS.items():
        password = secrets.token_urlsafe(16)
        accounts.add_user(engine, email, role, password, entity)
        created[role] = (email, password)
    return created


@pytest.fixture(scope="session")
def internal_app(built_warehouse, users):
    """The one internal Dash app of the session (Dash hands the `@callback`s registered at
    import to the first app that serves a request, so every test shares this one)."""
    from dash_app.app import create_app

    return create_app(public_only=False)


@pytest.fixture(scope="session")
def app_url(internal_app) -> Iterator[str]:
    """The Dash app served as `tablero serve` serves it (waitress), in a background thread on a
    free port."""
    from waitress.server import create_server

    server = create_server(internal_app.server, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


def login_client(app, email: str, password: str):
    """A Flask test client logged in through the real /login form (CSRF token included)."""
    import re

    client = app.server.test_client()
    form = client.get("/login", headers={"Host": "127.0.0.1"}).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/"},
        headers={"Host": "127.0.0.1"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


@pytest.fixture(scope="session")
def login():
    """login(app, email, password) → a test client logged in through the real form."""
    return login_client


@pytest.fixture(scope="session")
def auth_state(browser, app_url, users) -> dict:
    """Browser storage (the session cookie) of a logged-in admin, reused by every page."""
    context = browser.new_context(locale="es-CO")
    page = context.new_page()
    page.goto(app_url + "/login")
    page.fill("#email", users["admin"][0])
    page.fill("#password", users["admin"][1])
    page.click("button[type=submit]")
    page.wait_for_url(app_url + "/")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="session")
def new_context(browser, auth_state):
    """browser.new_context(...) already logged in as admin."""

    def make(**options):
        options.setdefault("locale", "es-CO")
        return browser.new_context(storage_state=auth_state, **options)

    return make


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Falta {CHROMIUM}: instale los paquetes de Debian chromium y chromium-driver "
            "(`make test` lo hace cuando corre como root)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(new_context):
    context = new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def url_database(url: str) -> str:
    return make_url(url).database or ""


def _database_text_hits(conn, needle: str) -> list[str]:
    """Tables in any schema whose rows, as text (bytea as hex), contain the needle."""
    hex_needle = needle.encode().hex()
    tables = conn.execute(
        text(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema not in ('pg_catalog', 'information_schema') "
            "and table_type = 'BASE TABLE'"
        )
    ).scalars()
    hits = []
    for table in list(tables):
        found = conn.execute(
            text(f"select count(*) from {table} as t where t::text like :a or t::text like :b"),
            {"a": f"%{needle}%", "b": f"%{hex_needle}%"},
        ).scalar_one()
        if found:
            hits.append(table)
    return hits


@pytest.fixture(scope="session")
def database_text_hits():
    """(conn, needle) → the tables whose rows contain needle as text: the privacy tests use it to
    prove no raw document number is stored anywhere."""
    return _database_text_hits


BROWSER_FIXTURES = {"browser", "page", "new_context", "auth_state"}


def pytest_collection_modifyitems(config, items):
    """Every test that drives Chromium is a `browser` test, marked or not (CI's second run, on
    the system PostgreSQL, leaves them out with -m "not browser")."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
