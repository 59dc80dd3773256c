"""Year-over-year windows (warehouse/marts/comparison.py): never overlapping the chosen one."""

from __future__ import annotations

from datetime import date

from warehouse.formatting import format_change
from warehouse.marts.comparison import Comparison, year_over_year


def _overlaps(start: date, end: date, other: Comparison) -> bool:
    return not (other.end < start or other.start > end)


def test_a_flow_over_at_most_12_months_compares_the_same_months_a_year_before():
    start, end = date(2024, 1, 1), date(2024, 5, 1)
    comparison = year_over_year("sum", start, end, date(2024, 5, 1))
    assert (comparison.start, comparison.end) == (date(2023, 1, 1), date(2023, 5, 1))
    assert not _overlaps(start, end, comparison)
    year = year_over_year("avg", date(2023, 1, 1), date(2023, 12, 1), None)
    assert (year.start, year.end) == (date(2022, 1, 1), date(2022, 12, 1))


def test_a_period_longer_than_12_months_has_no_comparison():
    assert year_over_year("sum", date(2023, 1, 1), date(2024, 5, 1), date(2024, 5, 1)) is None
    assert year_over_year("avg", date(2023, 6, 1), date(2024, 6, 1), date(2024, 6, 1)) is None


def test_a_stock_compares_its_latest_value_with_12_months_before_it():
    # a period of 17 months: the same period a year before would overlap; a stock compares
    # months, December with the December before
    comparison = year_over_year("last", date(2023, 1, 1), date(2024, 5, 1), date(2023, 12, 1))
    assert comparison == Comparison(date(2022, 12, 1), date(2022, 12, 1), date(2023, 12, 1))
    assert year_over_year("last", date(2024, 1, 1), date(2024, 3, 1), None) is None


def test_the_change_names_what_it_compares():
    assert format_change(115, 100, "dic 2022") == "▲ 15 % frente a dic 2022"
    assert format_change(100, 100, "dic 2022") == "= igual que dic 2022"
    assert format_change(120, 100) == "▲ 20 % frente al mismo periodo del año anterior"
