"""Indicator queries over the marts: catalogue, localities, months and rule-aware figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

import pandas as pd

from warehouse.marts.query import first, frame

Grain = Literal["month", "quarter", "year"]
Dimension = Literal["sex", "age_group"]
PreviousMode = Literal["year", "preceding"]

# Every figure comes from a marts.* function that applies the indicator's aggregation rule
# (dbt macro aggregate_by_rule); nothing here adds values up by itself.
_FIGURE_COLUMNS = "aggregation_rule, figure, months_with_data, first_month, last_month"


def _frame(sql: str, params: dict | None = None) -> pd.DataFrame:
    return frame(sql, params, coerce_float=True)


def _localities_param(locality_codes: list[str] | None) -> list[str] | None:
    return list(locality_codes) if locality_codes else None


def _args(code, start, end, localities=None, entity=None, validated=False, **others) -> dict:
    """A figure function's parameters; validated=True: validated deliveries only."""
    localities = _localities_param(localities)
    return {"code": code, "start": start, "end": end, "localities": localities, **others} | {
        "entity": entity,
        "validated": validated,
    }


@dataclass(frozen=True)
class IndicatorFigure:
    indicator_code: str
    aggregation_rule: str
    value: Decimal | None
    months_with_data: int
    first_month: date | None
    last_month: date | None


def localities() -> pd.DataFrame:
    return _frame(
        "select locality_code, locality_name, locality_kind from marts.dim_locality "
        "order by sort_order"
    )


def entities() -> pd.DataFrame:
    return _frame(
        "select entity_code, entity_name, entity_short_name, entity_kind "
        "from marts.dim_entity order by quorum_order"
    )


def data_months() -> pd.DataFrame:
    """Months of the calendar that have at least one indicator value."""
    return _frame(
        "select p.period_month, p.month_label from marts.dim_period p "
        "where exists (select 1 from marts.fct_indicator_values f "
        "where f.period_month = p.period_month) order by p.period_month"
    )


def indicators() -> pd.DataFrame:
    """The catalogue in display order, with its UTA and entity names."""
    return _frame(
        "select indicator_code, indicator_name, definition, unit, entity_code, entity_name, "
        "entity_short_name, uta_code, uta_name, uta_label, frequency, aggregation_rule, "
        "allowed_disaggregations, is_publishable, pdd_goal_value, pdd_goal_year, "
        "source_kind, numerator_rule, denominator_rule, ratio_per, formula "
        "from marts.dim_indicator order by sort_order"
    )


def indicator(indicator_code: str) -> dict | None:
    """One catalogue row as a dict, or None when the code is not in the catalogue."""
    frame = _frame(
        "select indicator_code, indicator_name, definition, unit, entity_code, "
        "entity_short_name, uta_code, uta_label, aggregation_rule, allowed_disaggregations, "
        "source_kind, ratio_per, formula "
        "from marts.dim_indicator where indicator_code = :code",
        {"code": indicator_code},
    )
    return None if frame.empty else frame.iloc[0].to_dict()


def indicator_figure(
    indicator_code: str,
    start: date,
    end: date,
    locality_codes: list[str] | None = None,
    entity_code: str | None = None,
    validated: bool = False,
) -> IndicatorFigure:
    """The figure the dashboard shows, computed by marts.indicator_figure (dbt-defined)."""
    row = first(
        "select * from marts.indicator_figure(:code, :start, :end, "
        "cast(:localities as text[]), cast(:entity as text), :validated)",
        _args(indicator_code, start, end, locality_codes, entity_code, validated),
    )
    if row is None:
        return IndicatorFigure(indicator_code, "", None, 0, None, None)
    return IndicatorFigure(
        row.indicator_code,
        row.aggregation_rule,
        row.figure,
        row.months_with_data,
        row.first_month,
        row.last_month,
    )


@dataclass(frozen=True)
class FigureWindow:
    """The months an indicator's headline figure covers for a chosen period."""

    start: date
    end: date
    lag_months: int = 0
    cutoff_name: str | None = None


def figure_window(indicator_code: str, start: date, end: date) -> FigureWindow:
    """The chosen period itself, unless it is exactly a follow-up cut-off and the indicator's
    source publishes late: then the indicator's own window at that cut-off, from
    marts.mart_indicator_cutoff_windows (EPS: enero–abril in the enero–mayo cut-off)."""
    row = first(
        "select w.window_start_month, w.window_end_month, w.cutoff_lag_months, "
        "c.cutoff_name from marts.mart_indicator_cutoff_windows w "
        "join marts.dim_cutoff c using (cutoff_code) "
        "where w.indicator_code = :code and w.cutoff_start_month = :start "
        "and w.cutoff_end_month = :end and w.cutoff_lag_months > 0",
        {"code": indicator_code, "start": start, "end": end},
    )
    if row is None:
        return FigureWindow(start, end)
    return FigureWindow(
        row.window_start_month, row.window_end_month, row.cutoff_lag_months, row.cutoff_name
    )


def previous_period(start: date, end: date, mode: PreviousMode = "year") -> tuple[date, date]:
    """The equivalent earlier period: the same months a year before ('year'), or the period of
    the same length that ends the month before `start` ('preceding')."""
    start, end = date(start.year, start.month, 1), date(end.year, end.month, 1)
    if mode == "year":
        return date(start.year - 1, start.month, 1), date(end.year - 1, end.month, 1)
    length = (end.year - start.year) * 12 + end.month - start.month + 1
    start_index = start.year * 12 + start.month - 1 - length
    end_index = start.year * 12 + start.month - 2
    return (
        date(start_index // 12, start_index % 12 + 1, 1),
        date(end_index // 12, end_index % 12 + 1, 1),
    )


def previous_period_figure(
    indicator_code: str,
    start: date,
    end: date,
    locality_codes: list[str] | None = None,
    entity_code: str | None = None,
    mode: PreviousMode = "year",
) -> IndicatorFigure:
    """The same figure for the equivalent earlier period (see previous_period)."""
    prev_start, prev_end = previous_period(start, end, mode)
    return indicator_figure(indicator_code, prev_start, prev_end, locality_codes, entity_code)


def figure_by_locality(
    indicator_code: str,
    start: date,
    end: date,
    entity_code: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """One row per locality with data (Distrito '00' and unknown '99' included), by the rule,
    with the figure per 1.000 inhabitants of its own year (population_year) and, for the 20
    localities, the rank among those with data (locality_rank of ranked_localities)."""
    return _frame(
        f"select locality_code, locality_name, {_FIGURE_COLUMNS}, population_2024, "
        "rate_per_1000, locality_rank, ranked_localities, population_year "
        "from marts.indicator_figure_by_locality(:code, :start, :end, cast(:entity as text), "
        ":validated)",
        _args(indicator_code, start, end, None, entity_code, validated),
    )


def indicator_series(
    indicator_code: str,
    start: date,
    end: date,
    locality_codes: list[str] | None = None,
    grain: Grain = "month",
    entity_code: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """One row per month, quarter or year with data; the rule is applied inside each bucket."""
    if grain not in ("month", "quarter", "year"):
        raise ValueError(f"grain must be month, quarter or year, not {grain!r}")
    return _frame(
        f"select bucket_month, bucket_label, {_FIGURE_COLUMNS} "
        "from marts.indicator_series(:code, :start, :end, cast(:localities as text[]), "
        ":grain, cast(:entity as text), :validated)",
        _args(indicator_code, start, end, locality_codes, entity_code, validated, grain=grain),
    )


def indicator_breakdown(
    indicator_code: str,
    start: date,
    end: date,
    dimension: Dimension = "sex",
    locality_codes: list[str] | None = None,
    entity_code: str | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """One row per category of a disaggregation (sex or age_group), by the rule."""
    if dimension not in ("sex", "age_group"):
        raise ValueError(f"dimension must be sex or age_group, not {dimension!r}")
    return _frame(
        f"select category, {_FIGURE_COLUMNS} "
        "from marts.indicator_breakdown(:code, :start, :end, cast(:localities as text[]), "
        ":dimension, cast(:entity as text), :validated)",
        _args(
            indicator_code, start, end, locality_codes, entity_code, validated, dimension=dimension
        ),
    )


def lineage(indicator_code: str, start: date, end: date, latest_only: bool = False) -> pd.DataFrame:
    """Deliveries behind an indicator's months (file, hash, load time, rows, total)."""
    return _frame(
        "select indicator_code, period_month, entity_code, batch_id, file_name, file_sha256, "
        "loaded_at, row_count, locality_count, value_total, is_latest "
        "from marts.mart_indicator_lineage "
        "where indicator_code = :code and period_month between :start and :end "
        "and (is_latest or not :latest_only) "
        "order by period_month, loaded_at desc, batch_id desc",
        {"code": indicator_code, "start": start, "end": end, "latest_only": latest_only},
    )


def goal_progress(
    indicator_code: str | None = None,
    uta_code: str | None = None,
    entity_code: str | None = None,
) -> pd.DataFrame:
    """Progress towards PDD goals (all indicators with a goal, or those of one code/UTA/entity)."""
    return _frame(
        "select g.indicator_code, d.indicator_name, d.uta_code, d.entity_code, d.unit, "
        "g.aggregation_rule, g.goal_year, g.goal_value, g.goal_start_month, g.as_of_month, "
        "g.current_value, g.progress_ratio "
        "from marts.fct_goal_progress g join marts.dim_indicator d using (indicator_code) "
        "where (cast(:code as text) is null or g.indicator_code = :code) "
        "and (cast(:uta as text) is null or d.uta_code = :uta) "
        "and (cast(:entity as text) is null or d.entity_code = :entity) "
        "order by d.sort_order",
        {"code": indicator_code, "uta": uta_code, "entity": entity_code},
    )


def monthly_totals(
    indicator_code: str, start: date, end: date, locality_codes: list[str] | None = None
) -> pd.DataFrame:
    """Monthly totals of one indicator over the selected localities (all when none): the month
    series of marts.indicator_series, where the rule inside a one-month bucket is that month's
    total."""
    return _frame(
        "select s.bucket_month as period_month, s.bucket_label as month_label, "
        "s.figure as value "
        "from marts.indicator_series(:code, :start, :end, cast(:localities as text[]), 'month') s "
        "order by s.bucket_month",
        _args(indicator_code, start, end, locality_codes),
    )
