"""Sex and age-group cells: «total» and an empty cell are the same (the undivided figure), the
spellings entities use are read as the catalogue's («Masculino» → hombre, «18 a 28 años» →
18-28, «60 y más» → 60+), and age groups of one cell must not overlap."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from warehouse.intake.catalog import SEXES
from warehouse.intake.problems import WARNING, Problem
from warehouse.text import fold

if TYPE_CHECKING:
    from warehouse.intake.checks import RowContext

SEX_SPELLINGS = {
    "hombres": "hombre",
    "masculino": "hombre",
    "mujeres": "mujer",
    "femenino": "mujer",
    "intersex": "intersexual",
}
AGE_RANGE = re.compile(r"(\d{1,3})\s*(?:-|a|–)\s*(\d{1,3})(?:\s*anos)?")
AGE_OPEN = re.compile(r"(\d{1,3})\s*(?:\+|(?:anos\s+)?(?:y|o)\s+mas)(?:\s*anos)?")


def age_bounds(text: str) -> tuple[int, int] | None:
    """«18-28», «18 a 28 años» → (18, 28); «60+», «60 y más» → (60, 200); else None."""
    raw = re.sub(r"\s+", " ", fold(text).strip().lower())
    if match := AGE_RANGE.fullmatch(raw):
        low, high = int(match.group(1)), int(match.group(2))
        return (low, high) if low <= high else None
    if match := AGE_OPEN.fullmatch(raw):
        return int(match.group(1)), 200
    return None


def _canonical_age(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return f"{low}+" if high == 200 else f"{low}-{high}"


def _not_allowed(record: dict, row: int, ctx: RowContext, column: str) -> Problem | None:
    indicator = ctx.catalog.indicators.get(record.get("indicador") or "")
    if not indicator or column in indicator.allowed_disaggregations:
        return None
    allowed = ", ".join(sorted(indicator.allowed_disaggregations)) or "ninguna"
    return Problem(
        row,
        column,
        record[column],
        f"El indicador {indicator.code} no admite desagregación por «{column}».",
        f"Deje la celda vacía. Desagregaciones admitidas: {allowed}.",
    )


# Age groups stored as written (lower case): the catalogue's own forms, «60 y más» included.
AS_WRITTEN = re.compile(r"\d{1,3}\s*-\s*\d{1,3}|\d{1,3}\s*\+|\d{1,3} y mas")


def _read(value: str, column: str) -> str | None:
    word = re.sub(r"\s+", " ", fold(value).strip().lower())
    if column == "sexo":
        return word if word in SEXES else SEX_SPELLINGS.get(word)
    if AS_WRITTEN.fullmatch(word) and age_bounds(value):
        return value.strip().lower()
    bounds = age_bounds(value)
    return _canonical_age(bounds) if bounds else None


def check_disaggregation(record: dict, row: int, ctx: RowContext, column: str) -> list[Problem]:
    """The cell read as the catalogue's category (None = total), or why it cannot be."""
    value = record.get(column)
    if value is None:
        return []
    if fold(value).strip().lower() == "total":
        record[column] = None  # «total» and empty are the same row: a duplicate if both come
        return []
    if problem := _not_allowed(record, row, ctx, column):
        return [problem]
    canonical = _read(value, column)
    if canonical is None:
        what, fix = (
            ("Sexo no reconocido.", f"Use: {', '.join(SEXES)}.")
            if column == "sexo"
            else (
                "Grupo de edad no reconocido.",
                "Escriba un rango en años como 0-17, 18-28 o 60+.",
            )
        )
        return [Problem(row, column, value, what, fix)]
    record[column] = canonical if canonical != "total" else None
    if canonical == "total" or value.strip().lower() == canonical:
        return []
    return [
        Problem(
            row,
            column,
            value,
            f"Se interpretó «{value}» como «{canonical}».",
            f"Escriba «{canonical}», como en la plantilla.",
            WARNING,
        )
    ]


def age_overlaps(parts: list[dict]) -> list[Problem]:
    """Age groups of one cell that overlap (18-28 and 18-59): their sum means nothing."""
    ranges = sorted(
        ((bounds, part) for part in parts if (bounds := age_bounds(part["grupo_edad"] or ""))),
        key=lambda pair: pair[0],
    )
    problems = []
    for (first, earlier), (second, later) in itertools.pairwise(ranges):
        if second[0] <= first[1]:
            problems.append(
                Problem(
                    later["source_row"],
                    "grupo_edad",
                    later["grupo_edad"],
                    f"El grupo de edad {later['grupo_edad']} se cruza con el "
                    f"{earlier['grupo_edad']} de la fila {earlier['source_row']} (misma "
                    "celda): una persona quedaría en los dos.",
                    "Use grupos de edad que no se crucen, como los de la plantilla.",
                )
            )
    return problems
