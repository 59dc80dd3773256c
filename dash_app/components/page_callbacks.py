"""The callbacks every page repeats, registered by one factory each: the page's selectors -> URL,
and the CSV/XLSX download of its table, built on the server from the URL state."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
from dash import Input, Output, State, callback, ctx, no_update

from dash_app import ids
from dash_app.components.table import download_table
from dash_app.state import FilterState, query_dict, state_from_query, to_query, url_if_changed

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


def register_download(
    prefix: str,
    rows: Callable[[FilterState, dict], pd.DataFrame],
    columns: dict[str, str],
    file_name: Callable[[FilterState, dict], str],
    sheet: str = "datos",
    follows_grid: bool = True,
) -> None:
    """The buttons of export_buttons(prefix) download `rows(state, query)`, queried on the server
    for the URL's filters (validated again by parse_query), never values sent by the browser.
    `follows_grid`: the grid `<prefix>-table` reports its rows (virtualRowData), used only to keep
    the user's sort and column filters over the server's rows (export.shown_rows)."""
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
        return download_table(frame, grid_rows, columns, file_name(state, query), as_xlsx, sheet)
