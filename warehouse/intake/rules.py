"""Per-kind row rules against the catalogue: codes known and owned by the entity, allowed values."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from warehouse.intake.advance import product_advance
from warehouse.intake.catalog import (
    ACTIVITY_STATUSES,
    BARRIER_TYPES,
    DOCUMENT_TYPES,
    MATURITY_SCORES,
)
from warehouse.intake.checks import (
    RowContext,
    check_choice,
    check_code,
    check_disaggregation,
    check_entity,
    check_in_calendar,
    check_indicator,
    check_locality,
    check_value,
    choices_text,
)
from warehouse.intake.problems import Problem
from warehouse.intake.pseudonym import normalize_document, pseudonymise
from warehouse.secrets import pseudonym_key

__all__ = ["RULES", "RowContext", "check_row"]

Rule = Callable[[dict[str, Any], int, RowContext], list[Problem]]


def indicator_values(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *check_entity(record, row, ctx),
        *check_indicator(record, row, ctx),
        *check_locality(record, row, ctx),
        *check_in_calendar(record, "mes", row, ctx),
        *check_value(record, row, ctx),
        *check_disaggregation(record, row, ctx, "sexo"),
        *check_disaggregation(record, row, ctx, "grupo_edad"),
    ]


def activity_status(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    problems = [
        *check_entity(record, row, ctx),
        *check_code(
            record, row, "actividad", ctx.catalog.activities, "Código de actividad desconocido"
        ),
        *check_code(record, row, "corte", ctx.catalog.cutoffs, "Corte desconocido"),
        *check_choice(record, row, "estado", ACTIVITY_STATUSES, "Estado no reconocido"),
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
                f"Reporte solo sus actividades: {choices_text(own) or 'ninguna'}.",
            )
        )
    return problems


def barriers(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *check_entity(record, row, ctx),
        *check_code(record, row, "uta", ctx.catalog.utas, "UTA desconocida"),
        *check_code(record, row, "corte", ctx.catalog.cutoffs, "Corte desconocido"),
        *check_choice(record, row, "tipo", BARRIER_TYPES, "Tipo no reconocido"),
    ]


def session_attendance(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [*check_entity(record, row, ctx), *check_in_calendar(record, "fecha_sesion", row, ctx)]


def maturity_assessments(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *check_entity(record, row, ctx),
        *check_in_calendar(record, "mes", row, ctx),
        *check_code(record, row, "criterio", ctx.catalog.criteria, "Criterio desconocido"),
        *check_choice(record, row, "calificacion", MATURITY_SCORES, "Calificación no reconocida"),
    ]


def person_services(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    problems = [
        *check_entity(record, row, ctx),
        *check_indicator(record, row, ctx),
        *check_locality(record, row, ctx),
        *check_in_calendar(record, "mes", row, ctx),
        *check_code(
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
                record["tipo_documento"], normalized, pseudonym_key(ctx.settings)
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
    "product_advance": product_advance,
}


def check_row(record: dict[str, Any], row: int, ctx: RowContext) -> list[Problem]:
    return RULES[ctx.kind.code](record, row, ctx)
