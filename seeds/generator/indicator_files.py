"""Indicator-value exports: one file per entity and delivery, with a few corrected re-deliveries."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from seeds.generator.allocation import largest_remainder
from seeds.generator.catalog import DISTRICT, Catalog
from seeds.generator.formats import (
    STYLES,
    format_header,
    format_month,
    format_number,
    spell_locality,
)
from seeds.generator.series import Series
from seeds.generator.writers import write_export

BASE_COLUMNS = ["entidad", "indicador", "localidad", "mes", "valor"]
SEX_SPLIT = {"Mujer": 0.55, "Hombre": 0.45}
AGE_SPLIT = {"0-17": 0.07, "18-28": 0.38, "29-59": 0.48, "60 y más": 0.07}
# Entities that deliver once a quarter (one file with three months) instead of monthly.
QUARTERLY = {"SDH"}

Values = dict[str, int]


@dataclass(frozen=True)
class Correction:
    """A month first delivered wrong and re-delivered later with the right figures."""

    entity: str
    indicator: str
    month: date
    folder: str  # delivery folder of the corrected file (sorts after the original)
    suffix: str
    spoil: Callable[[Values], Values]  # what was wrong in the first delivery


def _duplicate_suba(values: Values) -> Values:
    return {**values, "11": values["11"] * 2}  # Suba's records counted twice


def _drop_south(values: Values) -> Values:
    return {k: v for k, v in values.items() if k not in {"05", "06", "07"}}  # late localities


def _transpose_kennedy(values: Values) -> Values:
    digits = str(values["08"])
    return {**values, "08": int(digits[:2] + digits[3] + digits[2] + digits[4:])}


CORRECTIONS = [
    Correction(
        "SDS", "UTA2_EPS_AFILIADOS", date(2024, 2, 1), "2024-03", "correccion", _duplicate_suba
    ),
    Correction(
        "SED", "UTA2_SED_ORIENTADOS", date(2024, 3, 1), "2024-05", "correccion", _drop_south
    ),
    Correction("SDP", "UTA1_SISBEN", date(2024, 5, 1), "2024-06", "v2", _transpose_kennedy),
    Correction(
        "SDA", "UTA3_AMBIENTE_EDUCACION", date(2023, 10, 1), "2023-11", "correccion", _drop_south
    ),
]


def _columns(catalog: Catalog, indicators: list[str]) -> list[str]:
    allowed = set().union(*(catalog.indicators[c].disaggregations for c in indicators))
    return BASE_COLUMNS + [c for c in ("sexo", "grupo_edad") if c in allowed]


def _rows(
    catalog: Catalog, entity: str, code: str, month: date, values: Values, columns: list[str]
) -> list[list]:
    """Total rows (empty sexo/grupo_edad) plus, where the catalogue allows, their breakdowns."""
    style = STYLES[entity]
    allowed = catalog.indicators[code].disaggregations
    rng = random.Random(f"split:{code}:{month}")
    rows: list[list] = []
    for locality in sorted(values):
        value = values[locality]
        if value == 0 and catalog.indicators[code].rule == "sum":
            continue
        name = catalog.localities.get(locality, "")
        place = spell_locality(locality, name, style.localities)
        if locality != DISTRICT and catalog.resolve(place) != locality:
            raise ValueError(f"Spelling {place!r} does not resolve to locality {locality}")
        base = [entity, code, place, format_month(month, style.months)]

        def row(number: int, sex: str = "", age: str = "", base: list = base) -> list:
            cells = {"sexo": sex, "grupo_edad": age}
            extra = [cells[c] for c in columns[len(BASE_COLUMNS) :]]
            return [*base, format_number(number, style.numbers, style.fmt), *extra]

        rows.append(row(value))
        for column, split in (("sexo", SEX_SPLIT), ("grupo_edad", AGE_SPLIT)):
            if column in allowed and value > 0:
                weights = [w * rng.uniform(0.8, 1.2) for w in split.values()]
                parts = largest_remainder(value, weights)
                for label, part in zip(split, parts, strict=True):
                    rows.append(row(part, sex=label) if column == "sexo" else row(part, age=label))
    return rows


def _periods(entity: str, months: list[date]) -> list[tuple[str, str, list[date]]]:
    """(folder, label, months) of each regular delivery, filed in the folder of its last month."""
    if entity in QUARTERLY:
        quarters: dict[tuple[int, int], list[date]] = {}
        for month in months:
            quarters.setdefault((month.year, (month.month - 1) // 3 + 1), []).append(month)
        return [
            (f"{part[-1]:%Y-%m}", f"{year}-T{quarter}", part)
            for (year, quarter), part in quarters.items()
        ]
    return [(f"{m:%Y-%m}", f"{m:%Y-%m}", [m]) for m in months]


def _deliver(
    catalog: Catalog,
    entity: str,
    codes: list[str],
    path: Path,
    parts: list[tuple[str, date, Values]],
) -> Path:
    """Write one delivery of `entity` (its template covers `codes`) holding the given parts."""
    style = STYLES[entity]
    columns = _columns(catalog, codes)
    rows = [
        row
        for code, month, values in parts
        for row in _rows(catalog, entity, code, month, values, columns)
    ]
    return write_export(path, format_header(columns, style.header), rows, style)


def write_indicator_files(catalog: Catalog, series: dict[str, Series], out: Path) -> list[Path]:
    by_entity: dict[str, list[str]] = {}
    for code in series:
        by_entity.setdefault(catalog.indicators[code].entity_code, []).append(code)
    written: list[Path] = []
    months = sorted({month for values in series.values() for month in values})
    for entity, codes in sorted(by_entity.items()):
        for folder, label, period in _periods(entity, months):
            parts = []
            for code in codes:
                for month in period:
                    values = series[code][month]
                    for fix in CORRECTIONS:
                        if (fix.entity, fix.indicator, fix.month) == (entity, code, month):
                            values = fix.spoil(values)
                    parts.append((code, month, values))
            path = out / folder / f"{entity}_indicadores_{label}"
            written.append(_deliver(catalog, entity, codes, path, parts))
        for fix in CORRECTIONS:
            if fix.entity == entity:
                path = out / fix.folder / f"{entity}_indicadores_{fix.month:%Y-%m}_{fix.suffix}"
                parts = [(fix.indicator, fix.month, series[fix.indicator][fix.month])]
                written.append(_deliver(catalog, entity, codes, path, parts))
    return written
