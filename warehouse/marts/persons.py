"""Distinct persons over a period, from pseudonymised person-level deliveries (marts only).

The count comes from dbt's SQL function marts.person_count (it reads marts.fct_person_months):
each person counts once across the months and the chosen localities, so it is not the sum of the
monthly counts; person_months (that sum) comes beside it for contrast. Nothing is counted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from warehouse.marts.query import frame

COLUMNS = [
    "indicator_code",
    "distinct_persons",
    "person_months",
    "months_with_data",
    "first_month",
    "last_month",
]


@dataclass(frozen=True)
class PersonCount:
    indicator_code: str
    distinct_persons: int
    person_months: int
    months_with_data: int
    first_month: date | None
    last_month: date | None

    @property
    def has_data(self) -> bool:
        return self.person_months > 0


def person_count(
    code: str,
    start: date,
    end: date,
    localities: list[str] | None = None,
    entity: str | None = None,
) -> PersonCount | None:
    """Distinct persons served for `code` from `start` to `end` (first days of months), in the
    given localities (all when none) and entity (all when None); None when the indicator is
    unknown or the marts are not built. `has_data` is false when no person-level data exists."""
    result = frame(
        "select indicator_code, distinct_persons, person_months, months_with_data, "
        "first_month, last_month from marts.person_count("
        "cast(:code as text), cast(:start as date), cast(:end as date), "
        "cast(:localities as text[]), cast(:entity as text))",
        {
            "code": code,
            "start": start,
            "end": end,
            "localities": list(localities) if localities else None,
            "entity": entity or None,
        },
        COLUMNS,
    )
    if result.empty:
        return None
    row = result.iloc[0]
    return PersonCount(
        indicator_code=row["indicator_code"],
        distinct_persons=int(row["distinct_persons"]),
        person_months=int(row["person_months"]),
        months_with_data=int(row["months_with_data"]),
        first_month=row["first_month"],
        last_month=row["last_month"],
    )
