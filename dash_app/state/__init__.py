"""One home for the filter state. `url`: the query string <-> FilterState (pure: parse, validate,
serialize, diff); `context`: what the warehouse knows (valid codes, cut-offs, defaults, the filter
bar's options) and `state_from_query`; `names`: display names of the codes."""

from dash_app.state.context import filter_context, state_from_query
from dash_app.state.url import (
    GLOBAL_KEYS,
    FilterContext,
    FilterState,
    ParsedState,
    page_extras,
    page_params,
    parse_month,
    parse_query,
    period_bounds,
    pick_for,
    query_dict,
    shift_months,
    to_query,
    url_if_changed,
)

__all__ = [
    "GLOBAL_KEYS",
    "FilterContext",
    "FilterState",
    "ParsedState",
    "filter_context",
    "page_extras",
    "page_params",
    "parse_month",
    "parse_query",
    "period_bounds",
    "pick_for",
    "query_dict",
    "shift_months",
    "state_from_query",
    "to_query",
    "url_if_changed",
]
