"""Many headline figures in few round trips (Resumen's cards, docs/rendimiento.md): the window of
every indicator in one query, and their figures in one call of marts.indicator_figures, which
wraps marts.indicator_figure (the same rule, nothing recomputed here)."""

from __future__ import annotations

from datetime import date

from warehouse.marts.indicators import FigureWindow, IndicatorFigure
from warehouse.marts.query import run


def _rows(sql: str, params: dict) -> list:
    from sqlalchemy import text

    return run(lambda conn: conn.execute(text(sql), params).fetchall())


def figure_windows(codes: list[str], start: date, end: date) -> dict[str, FigureWindow]:
    """indicators.figure_window for many indicators at once: code → its window."""
    rows = _rows(
        "select distinct on (w.indicator_code) w.indicator_code, w.window_start_month, "
        "w.window_end_month, w.cutoff_lag_months, c.cutoff_name "
        "from marts.mart_indicator_cutoff_windows w join marts.dim_cutoff c using (cutoff_code) "
        "where w.indicator_code = any(cast(:codes as text[])) and w.cutoff_start_month = :start "
        "and w.cutoff_end_month = :end and w.cutoff_lag_months > 0 "
        "order by w.indicator_code, w.cutoff_code",
        {"codes": list(codes), "start": start, "end": end},
    )
    found = {
        r.indicator_code: FigureWindow(
            r.window_start_month, r.window_end_month, r.cutoff_lag_months, r.cutoff_name
        )
        for r in rows
    }
    return {code: found.get(code, FigureWindow(start, end)) for code in codes}


def indicator_figures(
    windows: list[tuple[str, date, date]],
    locality_codes: list[str] | None = None,
    entity_code: str | None = None,
    validated: bool = False,
) -> list[IndicatorFigure]:
    """indicators.indicator_figure for each (code, start, end), in one round trip; same order."""
    if not windows:
        return []
    rows = _rows(
        "select * from marts.indicator_figures(cast(:codes as text[]), cast(:froms as date[]), "
        "cast(:tos as date[]), cast(:localities as text[]), cast(:entity as text), :validated)",
        {
            "codes": [w[0] for w in windows],
            "froms": [w[1] for w in windows],
            "tos": [w[2] for w in windows],
            "localities": list(locality_codes) if locality_codes else None,
            "entity": entity_code,
            "validated": validated,
        },
    )
    found = {(r.indicator_code, r.window_from, r.window_to): r for r in rows}
    figures = []
    for code, start, end in windows:
        row = found.get((code, start, end))
        figures.append(
            IndicatorFigure(code, "", None, 0, None, None)
            if row is None
            else IndicatorFigure(
                code,
                row.aggregation_rule,
                row.figure,
                row.months_with_data,
                row.first_month,
                row.last_month,
            )
        )
    return figures
