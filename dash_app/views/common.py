"""Helpers shared by the views: cached queries, labels, cut-off choice and indicator figures."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dash_app.cache import cached_call
from dash_app.state import FilterState
from warehouse.formatting import (  # RULE_LABELS: the views read it as common.RULE_LABELS
    RULE_LABELS,
    format_change,
    format_figure,
    format_month,
    format_month_range,
    format_months,
    format_number,
)
from warehouse.marts import cards, indicadores, indicators, plan_de_accion, rates
from warehouse.marts.comparison import year_over_year as comparison_for

SCOPE_ALL = "Aplican todos los filtros: periodo, localidad, entidad y UTA."


def catalogue(state: FilterState | None = None) -> pd.DataFrame:
    """Indicators, narrowed to the state's UTA and entity when given."""
    result = cached_call(indicadores.catalogue)
    if state is not None and state.uta:
        result = result[result["uta_code"] == state.uta]
    if state is not None and state.entity:
        result = result[result["entity_code"] == state.entity]
    return result


def indicator_figure(code: str, state: FilterState, localities=None) -> dict:
    """The headline figure for the filters, over the indicator's own window (see figure_window):
    the chosen months, or a shorter window at a cut-off for a source that publishes late."""
    chosen = state.locality_list if localities is None else localities
    window = cached_call(indicators.figure_window, code, state.start, state.end)
    result = cached_call(
        indicadores.figure,
        code,
        window.start,
        window.end,
        chosen,
        state.entity,
        state.validated_only,
    )
    return {
        **result,
        "lag_months": window.lag_months,
        "cutoff_name": window.cutoff_name,
        "window_start": window.start,
        "window_end": window.end,
    }


def previous_figure(code: str, state: FilterState) -> dict:
    """The figure to compare with (warehouse.marts.comparison): the same months a year before
    for a period of at most 12 months, a stock's value 12 months before its latest value;
    value None when nothing comparable exists. `against` says what is compared."""
    current = indicator_figure(code, state)
    window = cached_call(indicators.figure_window, code, state.start, state.end)
    comparison = comparison_for(current["rule"], window.start, window.end, current["last"])
    if comparison is None:
        return {"value": None, "against": None}
    result = cached_call(
        indicadores.figure,
        code,
        comparison.start,
        comparison.end,
        state.locality_list,
        state.entity,
        state.validated_only,
    )
    return {**result, "against": _against(comparison, result["last"])}


def _against(comparison, last: date | None) -> str | None:
    """What a stock's change compares (its value's month and the one 12 months before)."""
    if comparison.stock_month is None or last is None:
        return None
    return (
        f"{format_month(last)} (dato de {format_month(comparison.stock_month)} "
        "frente al de 12 meses antes)"
    )


def _figure(result: indicators.IndicatorFigure) -> dict:
    return {
        "value": result.value,
        "rule": result.aggregation_rule or None,
        "first": result.first_month,
        "last": result.last_month,
        "months": result.months_with_data,
    }


def card_figures(codes: list[str], state: FilterState) -> dict[str, tuple[dict, dict]]:
    """code → (indicator_figure, previous_figure) for many cards, the same dicts, in three round
    trips (windows; figures; the figures compared with) instead of three per indicator."""
    codes = tuple(codes)
    windows = cached_call(cards.figure_windows, codes, state.start, state.end)
    filters = (state.locality_list, state.entity, state.validated_only)
    asked = tuple((code, windows[code].start, windows[code].end) for code in codes)
    current = {
        code: {
            **_figure(result),
            "lag_months": windows[code].lag_months,
            "cutoff_name": windows[code].cutoff_name,
            "window_start": windows[code].start,
            "window_end": windows[code].end,
        }
        for code, result in zip(
            codes, cached_call(cards.indicator_figures, asked, *filters), strict=True
        )
    }
    comparisons = {
        code: comparison_for(
            current[code]["rule"], windows[code].start, windows[code].end, current[code]["last"]
        )
        for code in codes
    }
    compared = tuple((c, k.start, k.end) for c, k in comparisons.items() if k is not None)
    earlier = dict(
        zip(
            (c for c, _, _ in compared),
            cached_call(cards.indicator_figures, compared, *filters),
            strict=True,
        )
    )
    result = {}
    for code in codes:
        comparison = comparisons[code]
        if comparison is None:
            result[code] = (current[code], {"value": None, "against": None})
            continue
        before = _figure(earlier[code])
        result[code] = (current[code], {**before, "against": _against(comparison, before["last"])})
    return result


def change_text(result: dict, previous: dict) -> str | None:
    """The KPI's change line: what is compared with what (format_change)."""
    return format_change(result["value"], previous["value"], previous.get("against"))


def carried_month(result: dict) -> date | None:
    """A stock's latest available value from before its window (catalogue
    stock_validity_months): the month it is from, else None."""
    last, start = result.get("last"), result.get("window_start")
    if result.get("value") is None or last is None or start is None:
        return None
    return last if last < start else None


def rate_text(code: str, state: FilterState) -> str | None:
    """'Tasa: 12,34 por 1.000 habitantes (población 2024)': the card's figure per 1.000
    inhabitants of its own year (marts.indicator_rate), or None without one."""
    window = cached_call(indicators.figure_window, code, state.start, state.end)
    rate = cached_call(
        rates.indicator_rate, code, window.start, window.end, state.locality_list, state.entity
    )
    if rate.rate_per_1000 is None:
        return None
    return (
        f"Tasa: {format_number(rate.rate_per_1000, 2)} por 1.000 habitantes "
        f"(población {rate.population_year})."
    )


def figure_text(result: dict, ratio_per=None) -> str:
    """The figure for people: a count '806.728'; a derived ratio (catalogue ratio_per) '32,5 %'
    or '1,3 por 1.000'."""
    return "Sin datos" if result["value"] is None else format_figure(result["value"], ratio_per)


def figure_footnote(result: dict, unit: str) -> str:
    if result["value"] is None:
        return "No hay datos para estos filtros."
    carried = carried_month(result)
    if carried is not None:
        return (
            f"{unit}; último valor disponible: dato de {format_month(carried)} "
            "(sin dato en el periodo; la fuente sigue vigente)."
        )
    months = format_month_range(result["first"], result["last"])
    text = f"{unit}; {RULE_LABELS.get(result['rule'], result['rule'])} ({months})."
    if result["rule"] == "ratio":  # the unit is in the figure already ('32,5 %')
        text = f"Indicador derivado; {RULE_LABELS['ratio']} ({months})."
    lag = result.get("lag_months") or 0
    if lag:
        text += (
            f" Fuente con {format_months(lag)} de rezago: el corte {result['cutoff_name']} "
            f"la informa hasta {format_month(result['window_end'])}."
        )
    return text


def cutoff_for(state: FilterState) -> tuple[str | None, str | None]:
    """The latest cut-off overlapping the period: (code, name) or (None, None)."""
    cutoffs = cached_call(plan_de_accion.cutoffs_in_period, state.start, state.end)
    if cutoffs.empty:
        return None, None
    row = cutoffs.iloc[0]
    return row["cutoff_code"], row["cutoff_name"]


def to_date(value) -> date | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def activities_at_cutoff(cutoff: str, state: FilterState) -> pd.DataFrame:
    """Activities with their status at the cut-off, 'no reportada' where nobody reported."""
    frame = cached_call(
        plan_de_accion.activities, cutoff_code=cutoff, uta_code=state.uta, entity_code=state.entity
    )
    return frame.assign(status=frame["status"].fillna("no reportada")).rename(
        columns={"lead_entity_short_name": "lead_entity"}
    )
