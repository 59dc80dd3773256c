"""Field checks shared by the per-kind rules: entity, indicator, locality, codes, values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from warehouse.contracts import ExportKind
from warehouse.intake.calendar_check import check_in_calendar as check_in_calendar
from warehouse.intake.catalog import (
    POPULATION_BOUNDED_UNITS,
    SEXES,
    Catalog,
    Indicator,
    counts_things,
)
from warehouse.intake.localities import DISTRICT_CODE, resolve_locality
from warehouse.intake.parsing import normalize_name
from warehouse.intake.problems import WARNING, Problem
from warehouse.settings import Settings

# What an external source (an entity of the catalogue that is not a committee member) may deliver.
EXTERNAL_SOURCE_KINDS = frozenset({"indicator_values"})
AGE_GROUP = re.compile(r"^(\d{1,3}\s*-\s*\d{1,3}|\d{1,3}\s*\+|\d{1,3} y mas|total)$")


@dataclass
class RowContext:
    kind: ExportKind
    catalog: Catalog
    settings: Settings
    today: date
    raw: dict[str, str] = field(default_factory=dict)  # the current row's cells as written


def choices_text(values: list[str] | tuple[str, ...], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (" …" if len(values) > limit else "")


def _canonical(value: str, allowed: tuple[str, ...]) -> str | None:
    lookup = {normalize_name(a): a for a in allowed}
    return lookup.get(normalize_name(value))


def check_entity(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    value = record.get("entidad")
    if value is None:
        return []
    code = value.strip().upper()
    if code not in ctx.catalog.entities:
        return [
            Problem(
                row,
                "entidad",
                value,
                "Entidad desconocida: no está en el catálogo de entidades (seeds/catalog/"
                "entities.csv).",
                f"Use el código de su entidad: {choices_text(sorted(ctx.catalog.entities), 20)}.",
            )
        ]
    record["entidad"] = code
    if code not in ctx.catalog.members and ctx.kind.code not in EXTERNAL_SOURCE_KINDS:
        return [
            Problem(
                row,
                "entidad",
                value,
                f"{code} es una fuente externa, no una entidad miembro del comité: solo entrega "
                "valores de indicadores (no cuenta para el quórum ni para el cumplimiento).",
                "Entregue este archivo con el código de una entidad miembro del comité.",
            )
        ]
    return []


def check_indicator(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    value, entity = record.get("indicador"), record.get("entidad")
    if value is None:
        return []
    code = value.strip().upper()
    indicator = ctx.catalog.indicators.get(code)
    own = [i.code for i in ctx.catalog.indicators_of(entity or "")]
    if indicator is None:
        return [
            Problem(
                row,
                "indicador",
                value,
                "Indicador desconocido: no está en el catálogo.",
                f"Use un código del catálogo. Sus indicadores: {choices_text(own) or 'ninguno'}.",
            )
        ]
    record["indicador"] = code
    if entity in ctx.catalog.entities and indicator.entity_code != entity:
        return [
            Problem(
                row,
                "indicador",
                value,
                f"El indicador pertenece a {indicator.entity_code}, no a {entity}.",
                f"Reporte solo sus indicadores: {choices_text(own) or 'ninguno'}.",
            )
        ]
    return []


def check_locality(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    text = record.get("localidad") or ""
    if text and not re.search(r"\w", text):  # «-», «.», «?»: not an empty cell (Distrito)
        return [
            Problem(
                row,
                "localidad",
                text,
                f"«{text}» no es una localidad.",
                "Deje la celda vacía para una cifra de todo el Distrito, o escriba «Sin "
                "información» para lo que no sabe ubicar.",
            )
        ]
    resolution = resolve_locality(text, ctx.catalog, ctx.settings.fuzzy_locality_threshold)
    record["localidad_codigo"] = resolution.code
    if resolution.code is None:
        return [
            Problem(
                row,
                "localidad",
                text,
                "Localidad no reconocida: no es una de las 20 localidades de Bogotá.",
                "Escriba el nombre o el código (01–20) de la localidad; deje vacío para Distrito.",
            )
        ]
    problems = []
    if resolution.fuzzy:
        name = ctx.catalog.localities.get(resolution.code, resolution.code)
        problems.append(
            Problem(
                row,
                "localidad",
                text,
                f"Se interpretó como «{name}» ({resolution.code}).",
                "Si no es correcto, corrija el nombre y vuelva a enviar el archivo.",
                WARNING,
            )
        )
    indicator = ctx.catalog.indicators.get(record.get("indicador") or "")
    if (
        indicator
        and resolution.code != DISTRICT_CODE
        and "localidad" not in indicator.allowed_disaggregations
    ):
        problems.append(
            Problem(
                row,
                "localidad",
                text,
                f"El indicador {indicator.code} no admite desagregación por localidad.",
                "Deje la localidad vacía (total Distrito).",
            )
        )
    return problems


def check_disaggregation(record: dict, row: int, ctx: RowContext, column: str) -> list[Problem]:
    value = record.get(column)
    if value is None or normalize_name(value) == "total":
        return []
    indicator = ctx.catalog.indicators.get(record.get("indicador") or "")
    if indicator and column not in indicator.allowed_disaggregations:
        allowed = ", ".join(sorted(indicator.allowed_disaggregations)) or "ninguna"
        return [
            Problem(
                row,
                column,
                value,
                f"El indicador {indicator.code} no admite desagregación por «{column}».",
                f"Deje la celda vacía. Desagregaciones admitidas: {allowed}.",
            )
        ]
    if column == "sexo" and _canonical(value, SEXES) is None:
        return [Problem(row, column, value, "Sexo no reconocido.", f"Use: {', '.join(SEXES)}.")]
    if column == "grupo_edad" and not AGE_GROUP.match(normalize_name(value).replace("_", " ")):
        return [
            Problem(
                row,
                column,
                value,
                "Grupo de edad no reconocido.",
                "Escriba un rango en años como 0-17, 18-28 o 60+.",
            )
        ]
    record[column] = value.strip().lower()
    return []


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


def check_choice(record: dict, row: int, column: str, allowed: tuple[str, ...], what: str) -> list:
    value = record.get(column)
    if value is None:
        return []
    canonical = _canonical(value, allowed)
    if canonical is None:
        # `what` is the whole phrase («Tipo no reconocido», «Calificación no reconocida»).
        return [Problem(row, column, value, f"{what}.", f"Use: {', '.join(allowed)}.")]
    record[column] = canonical
    return []


def check_code(record: dict, row: int, column: str, known: dict, what: str) -> list[Problem]:
    value = record.get(column)
    if value is None:
        return []
    code = value.strip().upper()
    if code not in known:
        return [
            Problem(
                row,
                column,
                value,
                f"{what}: no está en el catálogo.",
                f"Use uno de: {choices_text(sorted(known))}.",
            )
        ]
    record[column] = code
    return []
