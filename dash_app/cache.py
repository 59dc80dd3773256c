"""flask-caching around query-layer calls, keyed by the last dbt build (a new build invalidates)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from flask import Flask
from flask_caching import Cache

from warehouse.marts import reference

T = TypeVar("T")

cache = Cache(
    config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 3600, "CACHE_THRESHOLD": 2000}
)
_state: dict = {"bound": False, "stamp": None, "checked": 0.0}
STAMP_TTL_SECONDS = 10.0


def init_cache(server: Flask) -> None:
    cache.init_app(server)
    _state["bound"] = True


def build_stamp() -> str:
    """mart_build_info.built_at, re-read at most every few seconds; a minute bucket if absent."""
    now = time.monotonic()
    if _state["stamp"] is None or now - _state["checked"] > STAMP_TTL_SECONDS:
        built = reference.built_at()
        _state["stamp"] = built.isoformat() if built else f"sin-build-{int(time.time() // 60)}"
        _state["checked"] = now
    return _state["stamp"]


def _freeze(value):
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def cached_call(function: Callable[..., T], *args, **kwargs) -> T:
    """function(*args, **kwargs), served from the cache when the same build answered it before."""
    if not _state["bound"]:
        return function(*args, **kwargs)
    named = tuple(sorted((k, _freeze(v)) for k, v in kwargs.items()))
    name = f"{function.__module__}.{function.__qualname__}"
    key = f"q|{name}|{build_stamp()}|{_freeze(args)!r}|{named!r}"
    hit = cache.get(key)
    if hit is not None:
        return hit
    result = function(*args, **kwargs)
    cache.set(key, result)
    return result
