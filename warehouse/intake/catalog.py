"""Reference catalogues read straight from seeds/catalog (the loader runs before dbt seeds them)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from warehouse.settings import get_settings
from warehouse.text import fold

ACTIVITY_STATUSES = ("no iniciada", "iniciada", "totalmente ejecutada")
MATURITY_SCORES = ("ausente", "parcial", "completo")
BARRIER_TYPES = ("barrera", "actividad destacada")
SEXES = ("hombre", "mujer", "intersexual", "total")
AGE_GROUPS = ("0-5", "6-11", "12-17", "18-28", "29-59", "60+", "total")
DOCUMENT_TYPES = ("CC", "CE", "PPT", "PEP", "PA", "TI", "RC", "NUIP", "SD")
# Without locality_population: Bogotá's order of magnitude (7,8 millones en 2035).
FALLBACK_POPULATION = Decimal(8_000_000)
# Units whose value can never exceed the city's population (one row = one month and place).
POPULATION_BOUNDED_UNITS = frozenset({"personas", "orientaciones"})
OTHER_UNITS_FACTOR = 10
# Units that measure rather than count (a share, a rate, money, time): their values may have
# decimals. Every other unit counts things (personas, orientaciones, delegados…): whole numbers.
MEASURE_UNIT = re.compile(
    r"%|porcentaje|por ciento|tasa|proporcion|promedio|indice|razon|pesos|\$|millones|horas"
    r"|dias|meses|anos|puntaje|puntos|valor|monto"
)


def counts_things(unit: str) -> bool:
    """Whether values of this unit are whole numbers (see MEASURE_UNIT)."""
    return not MEASURE_UNIT.search(fold(unit))


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    path = directory / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@dataclass
class Indicator:
    code: str
    name: str
    entity_code: str
    allowed_disaggregations: frozenset[str]
    unit: str = ""
    max_plausible: Decimal = FALLBACK_POPULATION
    max_from_catalog: bool = False  # False: the default by unit

    @property
    def counts(self) -> bool:
        return counts_things(self.unit)


@dataclass
class Activity:
    code: str
    name: str
    uta_code: str
    entity_codes: frozenset[str]  # lead + responsible entities


@dataclass
class Product:
    code: str
    name: str
    entity_code: str  # the responsible entity: the only one that reports it
    unit: str
    goals: dict[int, Decimal] = field(default_factory=dict)  # year → programmed value


@dataclass
class Catalog:
    entities: dict[str, str] = field(default_factory=dict)  # code → name
    entity_names: dict[str, str] = field(default_factory=dict)  # folded name or short name → code
    # committee members (entities.is_committee_member); the others are external sources
    # (national agencies, DANE, cooperation) that deliver indicator values only
    members: frozenset[str] = frozenset()
    indicators: dict[str, Indicator] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)
    cutoffs: dict[str, str] = field(default_factory=dict)  # code → name
    criteria: dict[str, str] = field(default_factory=dict)  # code → name
    utas: dict[str, str] = field(default_factory=dict)
    localities: dict[str, str] = field(default_factory=dict)  # code → name
    aliases: dict[str, str] = field(default_factory=dict)  # normalized alias → code
    population: Decimal = FALLBACK_POPULATION  # the city's largest projected population
    products: dict[str, Product] = field(default_factory=dict)
    cutoff_years: dict[str, int] = field(default_factory=dict)  # code → year of its last month

    def indicators_of(self, entity: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.entity_code == entity]

    def activities_of(self, entity: str) -> list[Activity]:
        return [a for a in self.activities.values() if entity in a.entity_codes]

    def products_of(self, entity: str) -> list[Product]:
        return [p for p in self.products.values() if p.entity_code == entity]


def _population(directory: Path) -> Decimal:
    totals: dict[str, Decimal] = {}
    for r in _rows(directory, "locality_population"):
        year = r["population_year"]
        totals[year] = totals.get(year, Decimal(0)) + Decimal(r["population"] or 0)
    return max(totals.values(), default=FALLBACK_POPULATION)


def _max_plausible(row: dict[str, str], population: Decimal) -> tuple[Decimal, bool]:
    """The catalogue's max_plausible_value, else the default by unit (see the seed's YAML)."""
    text = row.get("max_plausible_value", "")
    if text:
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(0)
        if not value.is_finite() or value <= 0:
            raise ValueError(
                f"indicators.csv: max_plausible_value «{text}» de {row['indicator_code']} "
                "no es un número positivo."
            )
        return value, True
    return default_bound(row.get("unit", ""), population), False


def default_bound(unit: str, population: Decimal) -> Decimal:
    """Largest plausible value of a unit without a catalogue maximum: a share 100, a count of
    people the city's population, anything else ten times it."""
    if re.search(r"%|porcentaje|por ciento", fold(unit)):
        return Decimal(100)
    if unit in POPULATION_BOUNDED_UNITS:
        return population
    return population * OTHER_UNITS_FACTOR


def _build(directory: Path) -> Catalog:
    catalog = Catalog()
    entity_rows = _rows(directory, "entities")
    catalog.entities = {r["entity_code"]: r["entity_name"] for r in entity_rows}
    catalog.entity_names = {
        re.sub(r"[\s_]+", "_", fold(r[column]).strip()): r["entity_code"]
        for r in entity_rows
        for column in ("entity_short_name", "entity_name")
        if r.get(column)
    }
    catalog.members = frozenset(
        r["entity_code"]
        for r in entity_rows
        if r.get("is_committee_member", "true").lower() in ("true", "t", "1", "yes")
    )
    catalog.population = _population(directory)
    for r in _rows(directory, "indicators"):
        if r.get("source_kind") == "derived":  # computed by dbt (models/metrics/), never delivered
            continue
        allowed = {d.strip() for d in r.get("allowed_disaggregations", "").split(",") if d.strip()}
        bound, explicit = _max_plausible(r, catalog.population)
        catalog.indicators[r["indicator_code"]] = Indicator(
            r["indicator_code"],
            r["indicator_name"],
            r["entity_code"],
            frozenset(allowed),
            r.get("unit", ""),
            bound,
            explicit,
        )
    for r in _rows(directory, "activities"):
        codes = {c.strip() for c in r.get("responsible_entity_codes", "").split("|") if c.strip()}
        codes.add(r.get("lead_entity_code", ""))
        catalog.activities[r["activity_code"]] = Activity(
            r["activity_code"], r["activity_name"], r["uta_code"], frozenset(codes - {""})
        )
    catalog.cutoffs = {r["cutoff_code"]: r["cutoff_name"] for r in _rows(directory, "cutoffs")}
    catalog.cutoff_years = {
        r["cutoff_code"]: int(r["end_month"][:4]) for r in _rows(directory, "cutoffs")
    }
    _add_products(catalog, directory)
    catalog.criteria = {
        r["criterion_code"]: r["criterion_name"] for r in _rows(directory, "maturity_criteria")
    }
    catalog.utas = {r["uta_code"]: r["uta_name"] for r in _rows(directory, "utas")}
    catalog.localities = {
        r["locality_code"]: r["locality_name"] for r in _rows(directory, "localities")
    }
    catalog.aliases = {
        r["alias_normalized"]: r["locality_code"] for r in _rows(directory, "locality_aliases")
    }
    return catalog


def _add_products(catalog: Catalog, directory: Path) -> None:
    """The action plan's products and their goal per year (products.csv, product_goals.csv)."""
    for r in _rows(directory, "products"):
        catalog.products[r["product_code"]] = Product(
            r["product_code"], r["product_name"], r["entity_code"], r.get("unit", "")
        )
    for r in _rows(directory, "product_goals"):
        product = catalog.products.get(r["product_code"])
        if product is not None:
            product.goals[int(r["goal_year"])] = Decimal(r["goal_value"] or 0)


@lru_cache(maxsize=4)
def _cached(directory: str, stamp: tuple[float, ...]) -> Catalog:
    return _build(Path(directory))


def load_catalog(directory: Path | None = None) -> Catalog:
    """The catalogue, re-read whenever one of its CSV files changes."""
    directory = directory or get_settings().catalog_dir
    stamp = tuple(p.stat().st_mtime for p in sorted(directory.glob("*.csv")))
    return _cached(str(directory), stamp)
