"""The value of a row: finite, not negative, within the indicator's plausible maximum
(catalogue), and written as a number of its unit can be (no scientific notation; whole numbers
where the unit counts things)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from warehouse.intake.catalog import POPULATION_BOUNDED_UNITS, Indicator, counts_things
from warehouse.intake.problems import Problem

if TYPE_CHECKING:
    from warehouse.intake.checks import RowContext


def check_value(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    """Finite, not negative and within the indicator's plausible maximum (catalogue)."""
    value = record.get("valor")
    if value is None:
        return []
    shown = ctx.raw.get("valor", str(value))
    if not value.is_finite():
        return [
            Problem(row, "valor", shown, "El valor no es un número finito.", "Escriba una cifra.")
        ]
    if value < 0:
        return [
            Problem(
                row,
                "valor",
                shown,
                "El valor es negativo.",
                "Los indicadores cuentan personas o atenciones: escriba un valor de 0 o más.",
            )
        ]
    indicator = ctx.catalog.indicators.get(record.get("indicador") or "")
    bound = indicator.max_plausible if indicator else ctx.catalog.population
    if value > bound:
        return [_implausible(row, shown, bound, indicator)]
    unit = indicator.unit if indicator else ""
    form = number_form(row, "valor", shown, value, unit)
    return [form] if form else []


SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")
THOUSANDS_WITH_COMMA = re.compile(r"[+-]?\d{1,3},\d{3}")


def number_form(row: int, column: str, shown: str, value: Decimal, unit: str) -> Problem | None:
    """A number written in scientific notation (a CSV from Excel rounds it so), or with
    decimals where the unit counts things (personas, orientaciones…)."""
    if SCIENTIFIC.search(shown):
        return Problem(
            row,
            column,
            shown,
            f"El valor está en notación científica («{shown}» = {value:f}): al guardar un CSV, "
            "Excel escribe así las cifras que no caben en la celda, y las redondea.",
            "Dé a la columna formato Número sin decimales (Inicio > Número) y vuelva a guardar.",
        )
    if not unit or not counts_things(unit) or value == value.to_integral_value():
        return None
    hint = ""
    if THOUSANDS_WITH_COMMA.fullmatch(shown):
        hint = (
            f" En Colombia la coma separa los decimales: «{shown}» se lee {value:f}. Si quiso "
            f"decir {value * 1000:.0f}, escríbalo sin separador o con punto de miles."
        )
    return Problem(
        row,
        column,
        shown,
        f"El valor tiene decimales, pero cuenta {unit}: debe ser un número entero.",
        "Escriba la cifra entera, sin decimales." + hint,
    )


def _implausible(row: int, shown: str, bound: Decimal, indicator: Indicator | None) -> Problem:
    limit = f"{bound:,.0f}".replace(",", ".")
    if indicator is None:
        why = "la población de Bogotá"
    elif indicator.max_from_catalog:
        why = f"el máximo del catálogo para {indicator.code}, en {indicator.unit}"
    elif indicator.unit in POPULATION_BOUNDED_UNITS:
        why = f"la población de Bogotá: ninguna cifra de {indicator.unit} puede superarla"
    else:
        why = f"el máximo por defecto para {indicator.unit}: diez veces la población de Bogotá"
    return Problem(
        row,
        "valor",
        shown,
        f"El valor supera el máximo plausible de {limit} ({why}).",
        "Revise la cifra (¿ceros de más, una fórmula, notación científica?). Si es correcta, "
        "pida a la Secretaría Técnica que revise el máximo del indicador en el catálogo.",
    )
