"""Query cache: a repeated call is served from flask-caching until a new dbt build lands."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from dash_app import cache


def test_cache_hits_until_the_build_stamp_changes(monkeypatch):
    builds = iter(
        [
            datetime(2024, 6, 1, tzinfo=UTC),
            datetime(2024, 6, 1, tzinfo=UTC),
            datetime(2024, 6, 2, tzinfo=UTC),
        ]
    )
    monkeypatch.setattr(cache.reference, "built_at", lambda: next(builds))
    monkeypatch.setattr(cache, "STAMP_TTL_SECONDS", -1.0)  # re-read the stamp on every call
    monkeypatch.setattr(cache, "_state", {"bound": False, "stamp": None, "checked": 0.0})
    calls: list[tuple] = []

    def query(code: str, localities: list[str] | None) -> int:
        calls.append((code, localities))
        return len(calls)

    server = Flask(__name__)
    cache.init_cache(server)
    with server.app_context():
        first = cache.cached_call(query, "UTA1_SISBEN", ["08"])
        again = cache.cached_call(query, "UTA1_SISBEN", ["08"])  # same build: cached
        after_build = cache.cached_call(query, "UTA1_SISBEN", ["08"])  # new build: recomputed
    assert (first, again, after_build) == (1, 1, 2)
    assert len(calls) == 2


def test_without_a_server_calls_go_straight_through(monkeypatch):
    monkeypatch.setattr(cache, "_state", {"bound": False, "stamp": None, "checked": 0.0})
    assert cache.cached_call(lambda x: x * 2, 21) == 42
