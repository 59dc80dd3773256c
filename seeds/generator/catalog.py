"""Read the reference catalogues (seeds/catalog) the demo exports must agree with."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from warehouse.intake.localities import normalize_locality
from warehouse.settings import PROJECT_ROOT

CATALOG_DIR = PROJECT_ROOT / "seeds" / "catalog"
DISTRICT = "00"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Indicator:
    code: str
    entity_code: str
    rule: str
    disaggregations: frozenset[str]

    @property
    def by_locality(self) -> bool:
        return "localidad" in self.disaggregations


class Catalog:
    """The catalogue rows the generator uses, read once."""

    def __init__(self, directory: Path = CATALOG_DIR) -> None:
        self.directory = directory

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {
            row["indicator_code"]: Indicator(
                code=row["indicator_code"],
                entity_code=row["entity_code"],
                rule=row["aggregation_rule"],
                disaggregations=frozenset(
                    d.strip() for d in row["allowed_disaggregations"].split(",") if d.strip()
                ),
            )
            for row in _read(self.directory / "indicators.csv")
        }

    @cached_property
    def localities(self) -> dict[str, str]:
        """The 20 localidades, code → name (Distrito and unknown excluded)."""
        return {
            row["locality_code"]: row["locality_name"]
            for row in _read(self.directory / "localities.csv")
            if row["locality_kind"] == "localidad"
        }

    @cached_property
    def population(self) -> dict[str, int]:
        """2024 population per locality code."""
        return {
            row["locality_code"]: int(row["population"])
            for row in _read(self.directory / "locality_population.csv")
            if row["population_year"] == "2024"
        }

    @cached_property
    def aliases(self) -> dict[str, str]:
        return {
            row["alias_normalized"]: row["locality_code"]
            for row in _read(self.directory / "locality_aliases.csv")
        }

    @cached_property
    def activities(self) -> list[dict[str, str]]:
        return _read(self.directory / "activities.csv")

    @cached_property
    def entities(self) -> list[dict[str, str]]:
        return _read(self.directory / "entities.csv")

    @cached_property
    def maturity_criteria(self) -> list[dict[str, str]]:
        return _read(self.directory / "maturity_criteria.csv")

    def resolve(self, spelling: str) -> str | None:
        """Locality code a spelling resolves to through the alias seed (None if it does not)."""
        return self.aliases.get(normalize_locality(spelling))
