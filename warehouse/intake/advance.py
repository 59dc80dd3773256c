"""Row rule of the product advance report: the product exists, belongs to the reporting entity,
the cut-off is known, and the value is a plausible share of the year's goal."""

from __future__ import annotations

from decimal import Decimal

from warehouse.formatting import format_number
from warehouse.intake.catalog import default_bound
from warehouse.intake.checks import (
    RowContext,
    check_code,
    check_entity,
    choices_text,
    number_form,
)
from warehouse.intake.problems import WARNING, Problem

# A reported value above the year's goal by more than this share is reported (a warning: the
# file still loads; over-achievement is possible, a slipped digit more likely).
GOAL_TOLERANCE = Decimal("0.10")


def _number(value: Decimal) -> str:
    return format_number(value, 0 if value == value.to_integral_value() else 2)


def _product(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    value, entity = record.get("producto"), record.get("entidad")
    if value is None:
        return []
    code = value.strip().upper()
    own = [p.code for p in ctx.catalog.products_of(entity or "")]
    product = ctx.catalog.products.get(code)
    if product is None:
        return [
            Problem(
                row,
                "producto",
                value,
                "Producto desconocido: no está en el catálogo de productos del plan de acción.",
                f"Use un código del catálogo. Sus productos: {choices_text(own) or 'ninguno'}.",
            )
        ]
    record["producto"] = code
    if entity in ctx.catalog.entities and product.entity_code != entity:
        return [
            Problem(
                row,
                "producto",
                value,
                f"El producto está a cargo de {product.entity_code}, no de {entity}.",
                f"Reporte solo sus productos: {choices_text(own) or 'ninguno'}.",
            )
        ]
    return []


def _value(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    value = record.get("valor_reportado")
    if value is None:
        return []
    shown = ctx.raw.get("valor_reportado", str(value))
    if not value.is_finite() or value < 0:
        return [
            Problem(
                row,
                "valor_reportado",
                shown,
                "El valor reportado no es un número finito de 0 o más.",
                "Escriba el valor del indicador del producto al corte, p. ej. 1.214.",
            )
        ]
    product = ctx.catalog.products.get(record.get("producto") or "")
    unit = product.unit if product else ""
    bound = default_bound(unit, ctx.catalog.population)
    if value > bound:
        return [
            Problem(
                row,
                "valor_reportado",
                shown,
                f"El valor reportado supera el máximo plausible de {_number(bound)} para "
                f"{unit or 'el producto'}.",
                "Revise la cifra (¿ceros de más, una fórmula, notación científica?).",
            )
        ]
    if form := number_form(row, "valor_reportado", shown, value, unit):
        return [form]
    year = ctx.catalog.cutoff_years.get(record.get("corte") or "")
    if product is None or year is None:
        return []
    goal = product.goals.get(year, Decimal(0))
    if value <= goal * (1 + GOAL_TOLERANCE):
        return []
    return [
        Problem(
            row,
            "valor_reportado",
            shown,
            f"El valor reportado ({_number(value)}) supera la meta de {year} del producto "
            f"{product.code} ({_number(goal)}) en más de {int(GOAL_TOLERANCE * 100)} %.",
            "Revise la cifra (¿ceros de más, el acumulado de otro año?). Si es correcta, el "
            "archivo se carga igual; el avance del producto se muestra completo y cuenta como "
            "máximo 100 % en el de la política.",
            WARNING,
        )
    ]


def product_advance(record: dict, row: int, ctx: RowContext) -> list[Problem]:
    return [
        *check_entity(record, row, ctx),
        *_product(record, row, ctx),
        *check_code(record, row, "corte", ctx.catalog.cutoffs, "Corte desconocido"),
        *_value(record, row, ctx),
    ]
