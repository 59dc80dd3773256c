"""What the warehouse knows about the filters (cached): valid codes, cut-offs, default period,
the filter bar's options; and `state_from_query`, the pages' entry into URL state."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from dash_app.cache import cached_call
from dash_app.state.url import FilterContext, FilterState, parse_query, shift_months
from warehouse.formatting import MONTH_ABBR_ES, MONTH_NAMES_ES, format_month
from warehouse.marts import reference

DEFAULT_CUTOFF = "2024-C1"


def filter_context() -> FilterContext:
    localities = cached_call(reference.localities)
    entities = cached_call(reference.entities)
    utas = cached_call(reference.utas)
    cutoffs = cached_call(reference.cutoffs)
    first, last = cached_call(reference.data_range)
    cutoff_bounds = {
        row.cutoff_code: (row.start_month, row.end_month) for row in cutoffs.itertuples()
    }
    if DEFAULT_CUTOFF in cutoff_bounds:
        start, end = cutoff_bounds[DEFAULT_CUTOFF]
    elif first is not None:
        start, end = first, last
    else:
        today = date.today().replace(day=1)
        start, end = shift_months(today, -11), today
    return FilterContext(
        locality_codes=frozenset(localities["locality_code"]),
        entity_codes=frozenset(entities["entity_code"]),
        uta_codes=frozenset(utas["uta_code"]),
        cutoffs=cutoff_bounds,
        default_start=start,
        default_end=end,
    )


def state_from_query(query: Mapping[str, object]) -> FilterState:
    """The validated global filters of a query (a layout's **query or query_dict(search))."""
    return parse_query(query, filter_context()).state


def month_options(ctx: FilterContext) -> list[dict]:
    """Every month of the years covered by the data and the cut-offs."""
    years = {ctx.default_start.year, ctx.default_end.year}
    first, last = cached_call(reference.data_range)
    for bound in (first, last):
        if bound is not None:
            years.add(bound.year)
    for start, end in ctx.cutoffs.values():
        years.update((start.year, end.year))
    return [
        {"label": format_month(date(y, m, 1)), "value": f"{y}-{m:02d}"}
        for y in range(min(years), max(years) + 1)
        for m in range(1, 13)
    ]


def period_options(ctx: FilterContext) -> list[dict]:
    """Quick picks: cut-offs, then quarters and years of the data."""
    cutoffs = cached_call(reference.cutoffs)
    options = [
        {"label": f"Corte {short_month_names(row.cutoff_name)}", "value": row.cutoff_code}
        for row in cutoffs.itertuples()
    ]
    first, last = cached_call(reference.data_range)
    if first is None:
        years = sorted({ctx.default_start.year, ctx.default_end.year})
    else:  # every year with data, so earlier years can be compared with a quick pick
        years = list(range(first.year, last.year + 1))
    for year in years:
        options += [{"label": f"T{q} {year}", "value": f"{year}-T{q}"} for q in range(1, 5)]
        options.append({"label": f"Año {year}", "value": str(year)})
    return options


def short_month_names(text: str) -> str:
    """'enero–mayo 2024' → 'ene–may 2024' (quick picks must fit a narrow dropdown)."""
    for name, abbr in zip(MONTH_NAMES_ES, MONTH_ABBR_ES, strict=True):
        text = text.replace(name, abbr)
    return text
