"""Indicator queries over the marts: catalogue, localities, months and rule-aware figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd
from sqlalchemy import text

from warehouse.db import get_engine


def _frame(sql: str, params: dict | None = None) -> pd.DataFrame:
    with get_engine().connect() as conn:
        return pd.read_sql(text(sql), conn, params=params or {})


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


def data_months() -> pd.DataFrame:
    """Months of the calendar that have at least one indicator value."""
    return _frame(
        "select p.period_month, p.month_label from marts.dim_period p "
        "where exists (select 1 from marts.fct_indicator_values f "
        "where f.period_month = p.period_month) order by p.period_month"
    )


def indicators() -> pd.DataFrame:
    return _frame(
        "select indicator_code, indicator_name, definition, unit, entity_code, uta_code, "
        "aggregation_rule, allowed_disaggregations from marts.dim_indicator order by sort_order"
    )


def indicator_figure(
    indicator_code: str, start: date, end: date, locality_codes: list[str] | None = None
) -> IndicatorFigure:
    """The figure the dashboard shows, computed by marts.indicator_figure (dbt-defined)."""
    with get_engine().connect() as conn:
        row = conn.execute(
            text("select * from marts.indicator_figure(:code, :start, :end, :localities)"),
            {
                "code": indicator_code,
                "start": start,
                "end": end,
                "localities": locality_codes or None,
            },
        ).one_or_none()
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


def monthly_totals(
    indicator_code: str, start: date, end: date, locality_codes: list[str] | None = None
) -> pd.DataFrame:
    """Monthly totals of one indicator over the selected localities (all when none)."""
    return _frame(
        "select p.period_month, p.month_label, sum(f.indicator_value) as value "
        "from marts.fct_indicator_values f join marts.dim_period p using (period_month) "
        "where f.indicator_code = :code and f.is_total "
        "and f.period_month between :start and :end "
        "and (cast(:localities as text[]) is null or f.locality_code = any(:localities)) "
        "group by p.period_month, p.month_label order by p.period_month",
        {"code": indicator_code, "start": start, "end": end, "localities": locality_codes or None},
    )
