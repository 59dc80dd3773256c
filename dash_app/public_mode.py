"""Public deployment (TABLERO_PUBLIC_ONLY): the server answers only the public page.

A `before_request` hook on the Flask server: `/` redirects to /publico, /publico and Dash's own
routes (/_dash-*, /_reload-hash, /assets/, /_favicon.ico) are served, every other path answers a
Spanish 404. Because Dash renders pages and runs every callback through
/_dash-update-component, callbacks are screened too: only those whose component ids all belong to
the shell (dash_app.ids), to Dash's page router or to the public page (ids 'pub-…') run, and the
router only renders /publico. Anything else answers 403 before any query runs.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, has_app_context, redirect, request

from dash_app import ids

PUBLIC_PATH = "/publico"
PUBLIC_ONLY_KEY = "TABLERO_PUBLIC_ONLY"  # Flask config flag set by create_app


def is_public_only() -> bool:
    """Whether the app serving this request is the public deployment."""
    return bool(current_app.config.get(PUBLIC_ONLY_KEY)) if has_app_context() else False


DASH_ROUTES = ("/_dash-", "/_reload-hash", "/assets/", "/_favicon.ico")
CALLBACK_ROUTE = "/_dash-update-component"
PAGE_PREFIX = "pub-"
ROUTER_LOCATION = "_pages_location"  # Dash pages' own dcc.Location (dash.dash._ID_LOCATION)
ROUTER_IDS = frozenset({ROUTER_LOCATION, "_pages_content", "_pages_store", "_pages_dummy"})
SHELL_IDS = frozenset(
    value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)
)

NOT_FOUND_HTML = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Página no encontrada – Tablero Migrante</title>
</head><body style="font-family: system-ui, sans-serif; margin: 3rem;">
<h1>Página no encontrada</h1>
<p>Esta es la versión pública del Tablero Migrante: solo están disponibles los
<a href="/publico">datos públicos</a>.</p>
</body></html>"""


def install(server: Flask) -> None:
    server.before_request(guard)


def guard():
    """None lets the request through; otherwise the redirect, 404 or 403 to answer instead."""
    path = request.path
    if path == "/":
        query = request.query_string.decode("utf-8", "replace")
        return redirect(PUBLIC_PATH + (f"?{query}" if query else ""), code=302)
    if path.rstrip("/") == PUBLIC_PATH:
        return None
    if path == CALLBACK_ROUTE:
        if callback_allowed(request.get_json(silent=True)):
            return None
        return Response(
            "Esta consulta no está disponible en la versión pública del tablero.",
            status=403,
            mimetype="text/plain",
        )
    if path.startswith(DASH_ROUTES):
        return None
    return Response(NOT_FOUND_HTML, status=404, mimetype="text/html")


def _items(value) -> list[dict]:
    """Every {id, property[, value]} of a callback payload (pattern-matching ones come nested)."""
    if isinstance(value, dict):
        return [value] if "id" in value else []
    if isinstance(value, list):
        return [item for element in value for item in _items(element)]
    return []


def _allowed_id(component_id) -> bool:
    if isinstance(component_id, dict):  # pattern-matching id: judged by its type
        component_id = component_id.get("type")
    if not isinstance(component_id, str):
        return False
    return (
        component_id in SHELL_IDS
        or component_id in ROUTER_IDS
        or component_id.startswith(PAGE_PREFIX)
    )


def callback_allowed(payload) -> bool:
    """True for shell callbacks, the public page's own and the page router on /publico."""
    if not isinstance(payload, dict):
        return False
    items = [item for key in ("outputs", "inputs", "state") for item in _items(payload.get(key))]
    if not items or not all(_allowed_id(item["id"]) for item in items):
        return False
    for item in items:
        if item["id"] == ROUTER_LOCATION and item.get("property") == "pathname":
            pathname = item.get("value")
            if not isinstance(pathname, str) or pathname.rstrip("/") != PUBLIC_PATH:
                return False
    return True
