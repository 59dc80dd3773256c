"""The callbacks every page repeats, registered by one factory each: the page's selectors -> URL,
and the CSV/XLSX download of its table, built on the server from the URL state."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
from dash import Input, Output, State, callback, ctx, no_update
from flask import current_app, has_request_context, request
from flask_login import current_user

from dash_app import ids
from dash_app.cache import cached_call
from dash_app.components.common import filters_text
from dash_app.components.table import download_table
from dash_app.export import Header
from dash_app.public_mode import is_public_only
from dash_app.state import FilterState, query_dict, state_from_query, to_query, url_if_changed
from warehouse.formatting import format_datetime
from warehouse.marts import reference

# The review state of what a file holds: indicator figures follow «solo validados»; the other
# data (action plan, barriers, deliveries, catalogue) leave returned deliveries out but do not
# offer a validated-only view.
REVIEW_ALL = (
    "Entregas recibidas y validadas por la Secretaría Técnica; las que siguen «recibido» aún no "
    "han sido revisadas y las devueltas no cuentan."
)
REVIEW_VALIDATED = "Solo entregas validadas por la Secretaría Técnica («validado»)."
REVIEW_OTHER = (
    "Entregas aceptadas, validadas o aún sin revisar; las devueltas por la Secretaría Técnica "
    "no entran en las cifras."
)


def review_line(state: FilterState, describe: Header) -> Header:
    """The «Revisión» line of a file's header, unless the page wrote its own."""
    labels = {label for label, _ in describe}
    if "Revisión" in labels:
        return []
    if "Indicador" not in labels:
        return [("Revisión", REVIEW_OTHER)]
    return [("Revisión", REVIEW_VALIDATED if state.validated_only else REVIEW_ALL)]


# (state, page keys) of a view; None from a `change` leaves the URL as it is.
View = tuple[FilterState, dict]


def no_page_keys(_state: FilterState, _query: dict) -> dict:
    return {}


def register_url_sync(
    inputs: Sequence[Input],
    change: Callable[..., View | None],
    current: Callable[[FilterState, dict], dict] = no_page_keys,
) -> None:
    """The page's selectors write the URL (which re-renders the page). `current(state, query)`:
    the page keys in effect for the URL as it is; `change(state, keys, *input_values)`: the view
    the selectors ask for (`dash.ctx.triggered_id` says which one fired). A history entry is
    pushed only when the view really changes."""

    @callback(
        Output(ids.URL, "search", allow_duplicate=True),
        *inputs,
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_url(*args):
        *values, search = args
        query = query_dict(search)
        state = state_from_query(query)
        keys = current(state, query)
        view = change(state, keys, *values)
        if view is None:
            return no_update
        return url_if_changed(search, to_query(state, keys), to_query(*view))


def clicked(click: dict | None, key: str) -> str | None:
    """The `key` ('customdata', 'location') of the first clicked point of a graph, if any."""
    points = (click or {}).get("points") or []
    value = points[0].get(key) if points and isinstance(points[0], dict) else None
    return value if isinstance(value, str) and value else None


def download_header(state: FilterState, describe: Header, uses_locality: bool = True) -> Header:
    """What a file holds: the page's own lines (indicator, definition, rule…), then the filters
    and period of the URL and the date of the data (the last warehouse build)."""
    built = cached_call(reference.built_at)
    return [
        *describe,
        ("Filtros", filters_text(state, uses_locality)),
        ("Periodo", f"{state.period_label} ({state.start:%Y-%m} a {state.end:%Y-%m})"),
        (
            "Datos al",
            f"{format_datetime(built)} (última construcción del almacén)"
            if built
            else "sin construcción registrada del almacén",
        ),
        *review_line(state, describe),
        ("Fuente", "Tablero Migrante – Bogotá D.C., exportaciones de las entidades del Distrito"),
    ]


def audit_download(detail: str) -> None:
    """Write the download to the audit log: the logged-in user and the client's address."""
    if is_public_only():  # the public site holds published figures only, and no audit log
        return
    from warehouse import audit  # not on import: the public deployment never loads it

    email, address = None, ""
    if has_request_context():
        address = request.remote_addr or ""
        if hasattr(current_app, "login_manager"):
            email = getattr(current_user, "email", None)
    audit.record_download(email, detail, address)


def no_description(_state: FilterState, _query: dict) -> Header:
    return []


def register_download(
    prefix: str,
    rows: Callable[[FilterState, dict], pd.DataFrame],
    columns: dict[str, str],
    file_name: Callable[[FilterState, dict], str],
    sheet: str = "datos",
    follows_grid: bool = True,
    describe: Callable[[FilterState, dict], Header] = no_description,
    uses_locality: bool = True,
) -> None:
    """The buttons of export_buttons(prefix) download `rows(state, query)`, queried on the server
    for the URL's filters (validated again by parse_query), never values sent by the browser.
    `follows_grid`: the grid `<prefix>-table` reports its rows (virtualRowData), used only to keep
    the user's sort and column filters over the server's rows (export.shown_rows).
    Every file starts with what it holds (download_header): `describe(state, query)`'s lines,
    then the filters (locality only when `uses_locality`), the period and the data date."""
    grid_state = [State(f"{prefix}-table", "virtualRowData")] if follows_grid else []

    @callback(
        Output(f"{prefix}-download", "data"),
        Input(f"{prefix}-csv", "n_clicks"),
        Input(f"{prefix}-xlsx", "n_clicks"),
        State(ids.URL, "search"),
        *grid_state,
        prevent_initial_call=True,
    )
    def download(_csv, _xlsx, search, grid_rows=None):
        query = query_dict(search)
        state = state_from_query(query)
        as_xlsx = ctx.triggered_id == f"{prefix}-xlsx"
        frame = rows(state, query)
        header = download_header(state, describe(state, query), uses_locality)
        name = file_name(state, query)
        audit_download(f"{name}.{'xlsx' if as_xlsx else 'csv'} · {filters_text(state)}")
        return download_table(frame, grid_rows, columns, name, as_xlsx, sheet, header)
