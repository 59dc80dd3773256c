"""Page callbacks replayed in the process (Flask test client, logged in): cold (empty cache) and
warm, beside the bare SQL the cold callback ran (captured from the engine and replayed on a raw
psycopg connection), so the Python overhead shows as a ratio."""

from __future__ import annotations

import re
import secrets
import statistics
from time import perf_counter

import psycopg
from sqlalchemy import event

from tests.benchmarks.report import Figure, Results

# The pages a director opens, with filters a cold cache has not seen.
CASES = [
    ("/", "?localidad=08"),
    ("/indicadores", "?localidad=11"),
    ("/territorio", "?localidad=19"),
    ("/plan-de-accion", "?uta=UTA2"),
    ("/gobernanza", ""),
    ("/calidad", "?entidad=SDMUJER"),
]
EMAIL = "benchmark@tablero.local"


def router_body(path: str, search: str) -> dict:
    """What the browser posts when Dash pages renders a path."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def bench_user() -> tuple[str, str]:
    """The benchmark's analista (a new random password each run)."""
    from warehouse import users

    password = secrets.token_urlsafe(18)
    if any(user.email == EMAIL for user in users.list_users(None)):
        users.set_password(None, EMAIL, password)
    else:
        users.add_user(None, EMAIL, "analista", password)
    return EMAIL, password


def _client(app, email: str, password: str):
    client = app.server.test_client()
    form = client.get("/login", headers={"Host": "127.0.0.1"}).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/"},
        headers={"Host": "127.0.0.1"},
    )
    return client


class Capture:
    """Statements the engine sends while on (driver SQL and parameters, as psycopg gets them)."""

    def __init__(self, engine) -> None:
        self.on, self.statements = False, []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if self.on:
            self.statements.append((statement, parameters))


def bare_sql_seconds(url: str, statements: list) -> float:
    """The statements run straight on one open psycopg connection: execute and fetch all."""
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        start = perf_counter()
        for statement, parameters in statements:
            cursor.execute(statement, parameters or None)
            if cursor.description:
                cursor.fetchall()
        return perf_counter() - start


def bench_callbacks(results: Results, repeat: int, scale_label: str = "demo") -> None:
    """Every CASE: cold (the query cache emptied, as after a build), warm (median), bare SQL."""
    from dash_app.app import create_app
    from dash_app.cache import cache
    from warehouse.db import get_engine

    engine = get_engine()
    libpq = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    app = create_app(public_only=False)
    client = _client(app, *bench_user())
    capture = Capture(engine)
    cold_target = 0.150 if scale_label == "demo" else 0.300
    post = lambda body: client.post(  # noqa: E731
        "/_dash-update-component", json=body, headers={"Host": "127.0.0.1"}
    )
    post(router_body("/catalogo", ""))  # the app's first request sets Dash up: not counted
    for path, search in CASES:
        body = router_body(path, search)
        with app.server.app_context():
            cache.clear()
        capture.statements, capture.on = [], True
        start = perf_counter()
        response = post(body)
        cold = perf_counter() - start
        capture.on = False
        if response.status_code != 200:
            raise RuntimeError(f"{path}{search}: HTTP {response.status_code}")
        warm = []
        for _ in range(max(repeat, 5)):
            start = perf_counter()
            post(body)
            warm.append(perf_counter() - start)
        bare = min(bare_sql_seconds(libpq, capture.statements) for _ in range(3))
        name = f"{path}{search}"
        results.add(
            Figure(
                f"cb.{scale_label}.cold.{name}",
                f"Callback {name} ({scale_label}), frío",
                "ms",
                [cold * 1000],
                target=cold_target * 1000,
            )
        )
        results.add(
            Figure(
                f"cb.{scale_label}.warm.{name}",
                f"Callback {name} ({scale_label}), tibio",
                "ms",
                [w * 1000 for w in warm],
                target=20.0,
            )
        )
        results.add(
            Figure(
                f"cb.{scale_label}.sql.{name}",
                f"  su SQL sola ({len(capture.statements)} consultas)",
                "ms",
                [bare * 1000],
            )
        )
        results.add(
            Figure(
                f"cb.{scale_label}.ratio.{name}",
                "  frío / SQL sola",
                "x",
                [cold / bare if bare else 0.0],
                target=1.5,
            )
        )
        results.details.setdefault("callbacks", {})[f"{scale_label} {name}"] = {
            "cold_s": cold,
            "warm_median_s": statistics.median(warm),
            "bare_sql_s": bare,
            "statements": len(capture.statements),
            "response_bytes": len(response.data),
        }
    event.remove(engine, "before_cursor_execute", capture._seen)
