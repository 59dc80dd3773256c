"""The calendar check shared by the per-kind rules: a month or date inside the dashboard's
calendar, configured once in dbt_project.yml (warehouse/calendar.py), and not in the future."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from warehouse.calendar import calendar_bounds
from warehouse.formatting import MONTH_NAMES_ES
from warehouse.intake.problems import Problem

if TYPE_CHECKING:
    from warehouse.intake.checks import RowContext


def _month_name(month: date) -> str:
    return f"{MONTH_NAMES_ES[month.month - 1]} de {month.year}"


def check_in_calendar(record: dict, column: str, row: int, ctx: RowContext) -> list[Problem]:
    """A month or date inside the dashboard's calendar (dbt_project.yml, warehouse/calendar.py)
    and not in the future: anything else could never join a period and would stop the next dbt
    build."""
    value = record.get(column)
    if value is None:
        return []
    first, last = calendar_bounds(ctx.settings)
    read = value.isoformat()[: 7 if column == "mes" else 10]
    shown = ctx.raw.get(column) or read  # the value as written; the message says how it was read
    how = "" if shown == read else f"Se leyó «{shown}» como {read}. "
    if value < first:
        return [
            Problem(
                row,
                column,
                shown,
                f"{how}La fecha es anterior a {_month_name(first)}, inicio del calendario del "
                f"tablero ({_month_name(first)} a {_month_name(last)}).",
                f"Reporte solo periodos desde {first:%Y-%m}; revise si el año está bien escrito "
                "(el calendario se amplía en dbt_project.yml: docs/agregar_indicador.md).",
            )
        ]
    if value > ctx.today:
        return [
            Problem(
                row,
                column,
                shown,
                f"{how}La fecha está en el futuro.",
                "Revise el año y el mes: solo se reportan periodos ya cerrados.",
            )
        ]
    if value > last.replace(day=31):
        return [
            Problem(
                row,
                column,
                shown,
                f"{how}La fecha es posterior a {_month_name(last)}, fin del calendario del "
                "tablero.",
                "Revise el año; el calendario se amplía en dbt_project.yml "
                "(docs/agregar_indicador.md).",
            )
        ]
    return []
