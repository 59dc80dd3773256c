"""The shell's callbacks: URL query string <-> global filter controls, nav links, presentation
mode (URL state itself lives in dash_app/state; page callbacks in components/page_callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, no_update

from dash_app import ids
from dash_app.state import (
    FilterState,
    ParsedState,
    filter_context,
    page_extras,
    parse_month,
    parse_query,
    period_bounds,
    pick_for,
    query_dict,
    to_query,
)

CONTROLS = (ids.PERIOD_PICK, ids.FROM, ids.TO, ids.LOCALITY, ids.ENTITY, ids.UTA, ids.VALIDATED)


def _changed(mode: str, shown: str | None):
    return no_update if mode == (shown or "") else mode


def matching_pick(state: FilterState) -> str | None:
    return pick_for(state.start, state.end, filter_context())


def _controls(state: FilterState) -> tuple:
    return (
        matching_pick(state),
        state.start.strftime("%Y-%m"),
        state.end.strftime("%Y-%m"),
        list(state.localities),
        state.entity,
        state.uta,
        state.validated_only,
    )


def _notice(parsed: ParsedState):
    if not parsed.notice:
        return None
    return dbc.Alert(
        parsed.notice, color="warning", dismissable=True, className="mt-2 mb-0", id="filter-notice"
    )


@callback(
    Output(ids.URL, "search"),
    *(Output(control, "value") for control in CONTROLS),
    Output(ids.NOTICE, "children"),
    Output(ids.SHELL, "className"),
    Input(ids.URL, "search"),
    *(Input(control, "value") for control in CONTROLS),
    Input(ids.PRESENT_TOGGLE, "n_clicks"),
    Input(ids.RESET, "n_clicks"),
    State(ids.SHELL, "className"),
)
def sync_filters(
    search, pick, start, end, localities, entity, uta, validated, _present, _reset, shown
):
    """The mode (className) is written only when it changes: writing it again would fold the
    filters a presenter just opened (toggle_filters listens to it)."""
    context = filter_context()
    parsed = parse_query(query_dict(search), context)
    current = parsed.state
    trigger = ctx.triggered_id
    mode = "presentation" if current.presentation else ""
    if trigger in (None, ids.URL):
        return (no_update, *_controls(current), _notice(parsed), _changed(mode, shown))

    if trigger == ids.RESET:
        state = FilterState(
            context.default_start, context.default_end, presentation=current.presentation
        )
    elif trigger == ids.PRESENT_TOGGLE:
        state = current.with_changes(presentation=not current.presentation)
    elif trigger == ids.PERIOD_PICK:
        bounds = period_bounds(pick or "", context)
        if not bounds:
            return (no_update,) * (len(CONTROLS) + 3)
        state = current.with_changes(start=bounds[0], end=bounds[1])
    else:
        first = parse_month(start) or current.start
        last = parse_month(end) or current.end
        if first > last:
            first, last = last, first
        state = current.with_changes(
            start=first,
            end=last,
            localities=tuple(sorted(c for c in (localities or []) if c in context.locality_codes)),
            entity=entity if entity in context.entity_codes else None,
            uta=uta if uta in context.uta_codes else None,
        )
        if trigger == ids.VALIDATED and bool(validated) != current.validated_only:
            state = state.with_changes(validated=bool(validated))
    new_search = to_query(state, page_extras(search))
    mode = "presentation" if state.presentation else ""
    return (
        new_search if new_search != search else no_update,
        *_controls(state),
        None,
        _changed(mode, shown),
    )


@callback(
    Output({"type": ids.NAV_LINK, "index": ALL}, "href"),
    Input(ids.URL, "search"),
    State({"type": ids.NAV_LINK, "index": ALL}, "id"),
)
def nav_links(search, link_ids):
    """Switching page keeps the global filters (not the page's own keys)."""
    query = query_dict(search)
    state = parse_query(query, filter_context()).state
    suffix = to_query(state)
    return [link["index"] + suffix for link in link_ids]


@callback(
    Output(ids.FILTER_COLLAPSE, "is_open"),
    Input(ids.FILTER_TOGGLE, "n_clicks"),
    Input(ids.SHELL, "className"),
    State(ids.FILTER_COLLAPSE, "is_open"),
)
def toggle_filters(_clicks, mode, is_open):
    """Presentation mode collapses the filters; the 'Filtros' button opens or closes them."""
    if ctx.triggered_id == ids.FILTER_TOGGLE:
        return not is_open
    return mode != "presentation"


# Entering the mode asks for full screen; leaving it (the button or Esc) leaves full screen and
# never asks again (assets/presentation.js holds the keys).
clientside_callback(
    """(clicks, mode) => {
        if (!clicks) { return window.dash_clientside.no_update; }
        const leaving = (mode || "").split(" ").includes("presentation");
        if (leaving) {
            if (document.fullscreenElement) { document.exitFullscreen().catch(() => null); }
        } else if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(() => null);
        }
        return window.dash_clientside.no_update;
    }""",
    Output(ids.PRESENT_TOGGLE, "title"),
    Input(ids.PRESENT_TOGGLE, "n_clicks"),
    State(ids.SHELL, "className"),
    prevent_initial_call=True,
)
