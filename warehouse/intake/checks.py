"""Field checks shared by the per-kind rules: entity, indicator, locality, codes, values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from warehouse.contracts import ExportKind
from warehouse.intake.breakdowns import check_disaggregation as check_disaggregation
from warehouse.intake.calendar_check import check_in_calendar as check_in_calendar
from warehouse.intake.catalog import Catalog
from warehouse.intake.localities import DISTRICT_CODE, resolve_locality
from warehouse.intake.parsing import normalize_name
from warehouse.intake.problems import WARNING, Problem
from warehouse.intake.values import check_value as check_value
from warehouse.intake.values import number_form as number_form
from warehouse.settings import Settings

# What an external source (an entity of the catalogue that is not a committee member) may deliver.
EXTERNAL_SOURCE_KINDS = frozenset({"indicator_values"})


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
    named = ctx.catalog.entity_names.get(normalize_name(value))
    problems = []
    if code not in ctx.catalog.entities and named:  # the name written instead of the code
        code = named
        problems.append(
            Problem(
                row,
                "entidad",
                value,
                f"Se interpretó como {code} ({ctx.catalog.entities[code]}).",
                f"Escriba el código de la entidad ({code}) en lugar del nombre.",
                WARNING,
            )
        )
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
            *problems,
            Problem(
                row,
                "entidad",
                value,
                f"{code} es una fuente externa, no una entidad miembro del comité: solo entrega "
                "valores de indicadores (no cuenta para el quórum ni para el cumplimiento).",
                "Entregue este archivo con el código de una entidad miembro del comité.",
            ),
        ]
    return problems


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
