"""The before-request guard: allowed hosts, body limits, login, and a role for every callback.

Runs before Dash sees the request. Dash picks the callback to run from the body's `output` and
passes inputs by position, so the check keys on that `output` (dash_app/auth/registry.py) and on
nothing else the client names. Malformed bodies (not JSON, NUL bytes, wrong types) get 400.
"""

from __future__ import annotations

from flask import Response, current_app, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from dash_app.auth.registry import callback_roles
from dash_app.auth.session import current_role
from warehouse.settings import get_settings

CALLBACK_ROUTE = "/_dash-update-component"
# Properties whose value must be a string (or empty): the URL parts pages parse.
STRING_PROPS = frozenset({"search", "pathname", "href", "hash"})
INT_PROPS = frozenset({"n_clicks", "n_clicks_timestamp"})
MAX_DEPTH = 12
# Callbacks whose body carries uploaded files (dcc.Upload sends them in base64, a third larger):
# their own cap, a whole file at the largest accepted size; every other callback keeps the small
# one. A large body is read only for a role allowed to write such an output.
UPLOAD_OUTPUTS = frozenset({"ent-upload-result.children"})


def upload_cap() -> int:
    return get_settings().max_file_bytes * 4 // 3 + 256 * 1024


def plain(message: str, status: int) -> Response:
    return Response(message, status=status, mimetype="text/plain")  # Flask adds the charset


def host_allowed() -> bool:
    host = (request.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
    return host in {h.lower() for h in get_settings().allowed_host_list}


def same_origin() -> bool:
    """A browser POST from another site carries its Origin (and, in current browsers,
    Sec-Fetch-Site): refuse it (with SameSite cookies)."""
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return origin.split("://", 1)[-1].lower() == (request.headers.get("Host") or "").lower()


def _has_nul(value, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return True
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k, depth + 1) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v, depth + 1) for v in value)
    return False


def _items(value, depth: int = 0) -> list:
    """Every {id, property, value} item of inputs/state (pattern-matching ones come nested)."""
    if depth > MAX_DEPTH:
        raise ValueError("demasiado anidado")
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for element in value for item in _items(element, depth + 1)]
    raise ValueError("elemento no válido")


def _item_ok(item: dict) -> bool:
    if not isinstance(item.get("id"), str | dict) or not isinstance(item.get("property"), str):
        return False
    prop, value = item["property"], item.get("value")
    if prop in STRING_PROPS:
        return value is None or isinstance(value, str)
    if prop in INT_PROPS:
        return value is None or (isinstance(value, int) and not isinstance(value, bool))
    return True


def malformed(body) -> str | None:
    """Why a callback body cannot be a real request from our pages (None when it can)."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return "falta «output»"
    if _has_nul(body):
        return "contiene caracteres nulos"
    try:
        items = [item for key in ("inputs", "state") for item in _items(body.get(key) or [])]
    except ValueError as error:
        return str(error)
    if not isinstance(body.get("inputs"), list) or not all(_item_ok(i) for i in items):
        return "entradas con tipos no válidos"
    return None


def _may_upload(size: int, public: bool) -> bool:
    """A body over the callback cap: only an upload, by a role allowed to write one."""
    roles = [callback_roles(output, public) or frozenset() for output in UPLOAD_OUTPUTS]
    return size <= upload_cap() and any(current_role() in allowed for allowed in roles)


def _body_size(public: bool) -> int | None:
    """The body's size, read under the cap when the client sent no Content-Length (chunked);
    None when it is over every cap this user may send."""
    size = request.content_length
    if size is None:
        allowed = upload_cap() if _may_upload(0, public) else get_settings().max_callback_bytes
        request.max_content_length = allowed + 1  # one byte more tells "over the cap"
        try:
            size = len(request.get_data(cache=True))
        except RequestEntityTooLarge:
            return None
        if size > allowed:
            return None
    return size


def check_callback(public: bool):
    """None lets a well-formed, authorised callback through; else the 4xx to answer."""
    if request.method != "POST":  # (a GET would fall through to Dash's catch-all page route)
        response = plain("Método no permitido.", 405)
        response.headers["Allow"] = "POST"
        return response
    size = _body_size(public)
    if size is None:
        return plain("Consulta demasiado grande.", 413)
    large = size > get_settings().max_callback_bytes
    if large and not _may_upload(size, public):
        return plain("Consulta demasiado grande.", 413)
    if large:
        request.max_content_length = upload_cap()
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # thousands of nested brackets
        return plain("Consulta no válida: demasiado anidada.", 400)
    problem = malformed(body)
    if problem:
        return plain(f"Consulta no válida: {problem}.", 400)
    if large and body["output"] not in UPLOAD_OUTPUTS:
        return plain("Consulta demasiado grande.", 413)
    dash_app = current_app.config["TABLERO_DASH_APP"]
    entry = dash_app.callback_map.get(body["output"])
    if entry is None or "callback" not in entry:  # unknown, or a clientside-only callback
        return plain("Consulta no válida: salida desconocida.", 400)
    roles = callback_roles(body["output"], public)
    role = current_role()
    if roles is None or role not in roles:
        status = 401 if role == "anonimo" and not public else 403
        return plain("No autorizado para esta consulta.", status)
    return None


def callback_error(error: Exception):
    """An exception inside a callback is answered 400 (logged), never a 500 with a trace."""
    current_app.logger.exception("callback falló: %.300s", error)
    return jsonify({"error": "La consulta no se pudo resolver con esos valores."}), 400
