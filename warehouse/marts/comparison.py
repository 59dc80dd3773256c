"""Year-over-year comparison that never compares overlapping windows (docs/dominio.md, Cómo se
agrega cada cifra): flows and averages against the same months a year before, only when the
period is at most 12 months long; stocks (rule last) their latest value against the value 12
months before that month, naming both months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from warehouse.marts.indicators import previous_period


@dataclass(frozen=True)
class Comparison:
    """The earlier window to compare with, and how to say what is compared."""

    start: date
    end: date
    stock_month: date | None = None  # for a stock, the month of the current value


def months_back(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def period_length(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def year_over_year(rule: str, start: date, end: date, last_month: date | None) -> Comparison | None:
    """The comparison window for a figure over start–end whose last data month is last_month;
    None when no honest comparison exists (a period longer than 12 months would overlap the
    same period a year before; a stock without a value)."""
    if rule == "last":
        if last_month is None:
            return None
        before = months_back(last_month, 12)
        return Comparison(before, before, last_month)
    if period_length(start, end) > 12:
        return None
    previous_start, previous_end = previous_period(start, end)
    return Comparison(previous_start, previous_end)
