"""flask-caching around query-layer calls and whole page layouts, keyed by the last dbt build (a
new build invalidates). One process: in memory. Several (`tablero serve --workers N`): a cache
they share — files under the data folder by default, Redis when TABLERO_CACHE_URL is set."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import Flask
from flask_caching import Cache
from plotly.io.json import to_json_plotly

from warehouse.marts import reference
from warehouse.settings import get_settings

T = TypeVar("T")

TIMEOUT_SECONDS = 3600
cache = Cache(
    config={
        "CACHE_TYPE": "SimpleCache",
        "CACHE_DEFAULT_TIMEOUT": TIMEOUT_SECONDS,
        "CACHE_THRESHOLD": 2000,
    }
)
_state: dict = {"bound": False, "stamp": None, "checked": 0.0}
STAMP_TTL_SECONDS = 10.0


def cache_config(url: str | None) -> dict:
    """flask-caching settings for TABLERO_CACHE_URL: redis://…, rediss://…, file:///folder, or
    unset (in this process' memory)."""
    common = {"CACHE_DEFAULT_TIMEOUT": TIMEOUT_SECONDS}
    if not url:
        return {**common, "CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            **common,
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": url,
            "CACHE_KEY_PREFIX": "tablero:",
        }
    if url.startswith("file://"):
        folder = url.removeprefix("file://")
        return {
            **common,
            "CACHE_TYPE": "FileSystemCache",
            "CACHE_DIR": folder,
            "CACHE_THRESHOLD": 20000,
        }
    raise ValueError(f"TABLERO_CACHE_URL no reconocida: {url!r} (use redis://… o file:///carpeta).")


def init_cache(server: Flask) -> None:
    cache.init_app(server, config=cache_config(get_settings().cache_url))
    _state["bound"] = True


def build_stamp() -> str:
    """mart_build_info.built_at, re-read at most every few seconds; a minute bucket if absent.
    A new build empties the cache (entries of older builds can never be hit again)."""
    now = time.monotonic()
    if _state["stamp"] is None or now - _state["checked"] > STAMP_TTL_SECONDS:
        built = reference.built_at()
        stamp = built.isoformat() if built else f"sin-build-{int(time.time() // 60)}"
        if _state["bound"] and _state["stamp"] is not None and stamp != _state["stamp"]:
            cache.clear()
        _state["stamp"] = stamp
        _state["checked"] = now
    return _state["stamp"]


def _freeze(value):
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _key(kind: str, name: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"{kind}|{name}|{build_stamp()}|{digest}"


def cached_call(function: Callable[..., T], *args, **kwargs) -> T:
    """function(*args, **kwargs), served from the cache when the same build answered it before."""
    if not _state["bound"]:
        return function(*args, **kwargs)
    name = f"{function.__module__}.{function.__qualname__}"
    key = _key("q", name, _freeze(args), _freeze(kwargs))
    hit = cache.get(key)
    if hit is not None:
        return hit
    result = function(*args, **kwargs)
    cache.set(key, result)
    return result


def json_ready(component):
    """The component tree as the browser receives it (plain dicts and lists): cheap to store and
    to read back, unlike pickled Plotly figures, which are validated again when unpickled. Dash
    sends such a dict to the browser exactly as it would the components."""
    return json.loads(to_json_plotly(component))


def cached_layout(layout: Callable[..., T]) -> Callable[..., T]:
    """A page's layout(**query), built once per (page, query, build) and then served from the
    cache: figures, tables and texts together. Only for pages that show the same to every role
    allowed to open them (never one that reads the logged-in user)."""
    name = f"{layout.__module__}.{layout.__qualname__}"

    @wraps(layout)
    def cached(**query):
        if not _state["bound"]:
            return layout(**query)
        key = _key("page", name, _freeze(query))
        hit = cache.get(key)
        if hit is not None:
            return hit
        result = layout(**query)
        cache.set(key, json_ready(result))
        return result

    return cached
