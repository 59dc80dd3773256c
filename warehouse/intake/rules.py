"""Per-kind row rules against the catalogue: codes known and owned by the entity, allowed values."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from warehouse.contracts import ExportKind
from warehouse.intake.catalog import (
    ACTIVITY_STATUSES,
    BARRIER_TYPES,
    DOCUMENT_TYPES,
    MATURITY_SCORES,
    SEXES,
    Catalog,
)
from warehouse.intake.localities import DISTRICT_CODE, resolve_locality
from warehouse.intake.parsing import normalize_name
from warehouse.intake.problems import WARNING, Problem
from warehouse.intake.pseudonym import normalize_document, pseudonymise
from warehouse.settings import Settings

AGE_GROUP = re.compile(r"^(\d{1,3}\s*-\s*\d{1,3}|\d{1,3}\s*\+|\d{1,3} y mas|total)$")


@dataclass
class RowContext:
    kind: ExportKind
    catalog: Catalog
    settings: Settings
    today: date


Rule = Callable[[dict[str, Any], int, RowContext], list[Problem]]


def _choices(values: list[str] | tuple[str, ...], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (" …" if len(values) > limit else "")


def _canonical(value: str, allowed: tuple[str, ...]) -> str | None:
    lookup = {normalize_name(a): a for a in allowed}
    return lookup.get(normalize_name(value))


def _entity(record: dict, row: int, ctx: RowContext) -> list[Problem]:
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
                "Entidad desconocida: no está en el catálogo de entidades del comité.",
                f"Use el código de su entidad: {_choices(sorted(ctx.catalog.entities), 20)}.",
            )
        ]
    record["entidad"] = code
    return []


def _not_future(record: dict, column: str, row: int, ctx: RowContext) -> list[Problem]:
    value = record.get(column)
    if value is None or value <= ctx.today:
        return []
    return [
        Problem(
            row,
            column,
            value.isoformat()[: 7 if column == "mes" else 10],
            "La fecha está en el futuro.",
            "Revise el año y el mes: solo se reportan periodos ya cerrados.",
        )
    ]


def _indicator(record: dict, row: int, ctx: RowContext) -> list[Problem]:
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
                f"Use un código del catálogo. Sus indicadores: {_choices(own) or 'ninguno'}.",
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
                f"Reporte solo sus indicadores: {_choices(own) or 'ninguno'}.",
            )
        ]
    return []


def _locality(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    text = record.get("localidad") or ""
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


def _disaggregation(record: dict, row: int, ctx: RowContext, column: str) -> list[Problem]:
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


def _value(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    value = record.get("valor")
    if value is None or value >= 0:
        return []
    return [
        Problem(
            row,
            "valor",
            str(value),
            "El valor es negativo.",
            "Los indicadores cuentan personas o atenciones: escriba un valor de 0 o más.",
        )
    ]


def _choice(record: dict, row: int, column: str, allowed: tuple[str, ...], what: str) -> list:
    value = record.get(column)
    if value is None:
        return []
    canonical = _canonical(value, allowed)
    if canonical is None:
        return [
            Problem(row, column, value, f"{what} no reconocido.", f"Use: {', '.join(allowed)}.")
        ]
    record[column] = canonical
    return []


def _code(record: dict, row: int, column: str, known: dict, what: str) -> list[Problem]:
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
                f"Use uno de: {_choices(sorted(known))}.",
            )
        ]
    record[column] = code
    return []


def indicator_values(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *_entity(record, row, ctx),
        *_indicator(record, row, ctx),
        *_locality(record, row, ctx),
        *_not_future(record, "mes", row, ctx),
        *_value(record, row, ctx),
        *_disaggregation(record, row, ctx, "sexo"),
        *_disaggregation(record, row, ctx, "grupo_edad"),
    ]


def activity_status(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    problems = [
        *_entity(record, row, ctx),
        *_code(record, row, "actividad", ctx.catalog.activities, "Código de actividad desconocido"),
        *_code(record, row, "corte", ctx.catalog.cutoffs, "Corte desconocido"),
        *_choice(record, row, "estado", ACTIVITY_STATUSES, "Estado no reconocido"),
    ]
    activity = ctx.catalog.activities.get(record.get("actividad") or "")
    entity = record.get("entidad")
    if activity and entity in ctx.catalog.entities and entity not in activity.entity_codes:
        own = [a.code for a in ctx.catalog.activities_of(entity)]
        problems.append(
            Problem(
                row,
                "actividad",
                record["actividad"],
                f"La actividad no está a cargo de {entity} en el plan de acción.",
                f"Reporte solo sus actividades: {_choices(own) or 'ninguna'}.",
            )
        )
    return problems


def barriers(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *_entity(record, row, ctx),
        *_code(record, row, "uta", ctx.catalog.utas, "UTA desconocida"),
        *_code(record, row, "corte", ctx.catalog.cutoffs, "Corte desconocido"),
        *_choice(record, row, "tipo", BARRIER_TYPES, "Tipo no reconocido"),
    ]


def session_attendance(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [*_entity(record, row, ctx), *_not_future(record, "fecha_sesion", row, ctx)]


def maturity_assessments(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *_entity(record, row, ctx),
        *_not_future(record, "mes", row, ctx),
        *_code(record, row, "criterio", ctx.catalog.criteria, "Criterio desconocido"),
        *_choice(record, row, "calificacion", MATURITY_SCORES, "Calificación no reconocida"),
    ]


def person_services(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    problems = [
        *_entity(record, row, ctx),
        *_indicator(record, row, ctx),
        *_locality(record, row, ctx),
        *_not_future(record, "mes", row, ctx),
        *_code(
            record,
            row,
            "tipo_documento",
            dict.fromkeys(DOCUMENT_TYPES),
            "Tipo de documento desconocido",
        ),
    ]
    number = record.get("numero_documento")
    if number is not None:
        normalized = normalize_document(number)
        if not re.fullmatch(r"[0-9A-Z]{3,20}", normalized):
            problems.append(
                Problem(
                    row,
                    "numero_documento",
                    number,
                    "Número de documento no válido.",
                    "Escriba solo letras y cifras (3 a 20), sin puntos ni espacios.",
                )
            )
        elif record.get("tipo_documento"):
            record["persona_seudonimo"] = pseudonymise(
                record["tipo_documento"], normalized, ctx.settings.pseudonym_key
            )
        record["numero_documento"] = None  # never kept past this point
    return problems


RULES: dict[str, Rule] = {
    "indicator_values": indicator_values,
    "activity_status": activity_status,
    "barriers": barriers,
    "session_attendance": session_attendance,
    "maturity_assessments": maturity_assessments,
    "person_services": person_services,
}


def check_row(record: dict[str, Any], row: int, ctx: RowContext) -> list[Problem]:
    return RULES[ctx.kind.code](record, row, ctx)
