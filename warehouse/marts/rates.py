"""Rates per 1.000 inhabitants: marts.indicator_rate (dbt-defined) divides the same figure the
dashboard shows by the population of the figure's own year (mart_population_by_year)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from warehouse.db import get_engine


@dataclass(frozen=True)
class IndicatorRate:
    indicator_code: str
    figure: object  # Decimal or None
    last_month: date | None
    population_year: int | None
    population: int | None
    rate_per_1000: float | None


def indicator_rate(
    indicator_code: str,
    start: date,
    end: date,
    locality_codes: list[str] | None = None,
    entity_code: str | None = None,
) -> IndicatorRate:
    """The figure per 1.000 inhabitants of its own year (the year of its last data month)."""
    with get_engine().connect() as conn:
        row = conn.execute(
            text(
                "select indicator_code, figure, last_month, population_year, population, "
                "rate_per_1000 from marts.indicator_rate(:code, :start, :end, "
                "cast(:localities as text[]), cast(:entity as text))"
            ),
            {
                "code": indicator_code,
                "start": start,
                "end": end,
                "localities": list(locality_codes) if locality_codes else None,
                "entity": entity_code,
            },
        ).one_or_none()
    if row is None:
        return IndicatorRate(indicator_code, None, None, None, None, None)
    return IndicatorRate(
        row.indicator_code,
        row.figure,
        row.last_month,
        row.population_year,
        row.population,
        row.rate_per_1000,
    )
