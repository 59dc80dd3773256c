"""Whole page layouts cached per (page, query, build), stored as the browser receives them."""

from __future__ import annotations

from datetime import UTC, datetime

import plotly.graph_objects as go
from dash import dcc, html
from flask import Flask

from dash_app import cache


def test_layout_built_once_per_query_and_build(monkeypatch):
    builds = iter([datetime(2024, 6, 1, tzinfo=UTC)] * 3 + [datetime(2024, 6, 2, tzinfo=UTC)] * 2)
    monkeypatch.setattr(cache.reference, "built_at", lambda: next(builds))
    monkeypatch.setattr(cache, "STAMP_TTL_SECONDS", -1.0)
    monkeypatch.setattr(cache, "_state", {"bound": False, "stamp": None, "checked": 0.0})
    built: list[dict] = []

    @cache.cached_layout
    def layout(**query):
        built.append(query)
        figure = go.Figure(go.Bar(x=["ene 2024"], y=[806728]))
        return html.Div([html.H1(query.get("localidad", "todas")), dcc.Graph(figure=figure)])

    server = Flask(__name__)
    cache.init_cache(server)
    with server.app_context():
        first = layout(localidad="08")
        again = layout(localidad="08")
        other = layout(localidad="11")
        after_build = layout(localidad="08")
    assert built == [{"localidad": "08"}, {"localidad": "11"}, {"localidad": "08"}]
    assert isinstance(first, html.Div) and isinstance(other, html.Div)
    # the hit is the same tree in the form Dash sends it: plain dicts, the figure included
    assert again == cache.json_ready(first)
    assert again["props"]["children"][0]["props"]["children"] == "08"
    assert again["props"]["children"][1]["props"]["figure"]["data"][0]["y"] == [806728]
    assert isinstance(after_build, html.Div)


def test_cache_url_picks_the_backend():
    assert cache.cache_config(None)["CACHE_TYPE"] == "SimpleCache"
    redis = cache.cache_config("redis://127.0.0.1:6379/0")
    assert (redis["CACHE_TYPE"], redis["CACHE_REDIS_URL"]) == (
        "RedisCache",
        "redis://127.0.0.1:6379/0",
    )
    files = cache.cache_config("file:///var/cache/tablero")
    assert (files["CACHE_TYPE"], files["CACHE_DIR"]) == ("FileSystemCache", "/var/cache/tablero")
    try:
        cache.cache_config("memcached://x")
    except ValueError as error:
        assert "TABLERO_CACHE_URL" in str(error)
    else:
        raise AssertionError("an unknown cache URL must be refused")
