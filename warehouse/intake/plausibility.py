"""File-level plausibility of indicator values: breakdowns that add up to their total, and
jumps against the same series' previous months (a warning naming both values).

A cell is (indicator, locality, month). Its total row has neither sex nor age group; a sex
breakdown row has a sex and no age group, an age breakdown row the reverse. Rows with both are
cross-tabulations and are not compared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from warehouse.formatting import format_number
from warehouse.intake.breakdowns import age_overlaps
from warehouse.intake.parsing import normalize_name
from warehouse.intake.problems import WARNING, Problem

# A month more than JUMP_FACTOR times (or less than 1/JUMP_FACTOR of) the series' previous
# month with data is reported, when the two differ by at least JUMP_MIN_DIFFERENCE.
JUMP_FACTOR = 10
JUMP_MIN_DIFFERENCE = 100
JUMP_LOOKBACK_MONTHS = 3

Series = tuple[str, str, str, str]  # indicator, locality code, sex, age group
# History of a delivering entity: series → {month: value}, from its earlier accepted deliveries.
History = Callable[[str, list[str]], dict[Series, dict[date, Decimal]]]

DIMENSIONS = {"sexo": "sexo", "grupo_edad": "grupo de edad"}


def _category(record: dict[str, Any], column: str) -> str:
    value = record.get(column)
    return "total" if value in (None, "", "total") else str(value)


def _usable(record: dict[str, Any]) -> bool:
    return record.get("valor") is not None and record.get("localidad_codigo") is not None


def _number(value: Decimal) -> str:
    exponent = value.normalize().as_tuple().exponent
    return format_number(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def _cell_name(record: dict[str, Any]) -> str:
    place = record.get("localidad") or "Distrito"
    return f"{record['indicador']}, {place}, {record['mes']:%Y-%m}"


def _breakdown_problem(total: dict, column: str, parts: list[dict]) -> Problem:
    rows = ", ".join(str(p["source_row"]) for p in parts)
    added = sum((p["valor"] for p in parts), Decimal(0))
    return Problem(
        total["source_row"],
        "valor",
        _number(total["valor"]),
        f"El desglose por {DIMENSIONS[column]} de {_cell_name(total)} suma {_number(added)} "
        f"(filas {rows}) y el total es {_number(total['valor'])} (fila {total['source_row']}): "
        "deben coincidir.",
        "Corrija el total o las filas del desglose para que la suma sea igual al total.",
    )


def breakdown_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    """Where a total and a breakdown by sex (or age group) arrive for the same cell, the
    breakdown must add up to the total."""
    cells: dict[tuple, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for record in filter(_usable, rows):
        cell = (record.get("indicador"), record["localidad_codigo"], record.get("mes"))
        sex, age = _category(record, "sexo"), _category(record, "grupo_edad")
        if sex == "total" and age == "total":
            cells[cell]["total"].append(record)
        elif age == "total":
            cells[cell]["sexo"].append(record)
        elif sex == "total":
            cells[cell]["grupo_edad"].append(record)
    problems = []
    for parts in cells.values():
        problems += age_overlaps(parts["grupo_edad"])
        if len(parts["total"]) != 1:
            continue  # no total, or a duplicate (reported as such)
        [total] = parts["total"]
        for column in DIMENSIONS:
            added = sum((p["valor"] for p in parts[column]), Decimal(0))
            if parts[column] and added != total["valor"]:
                problems.append(_breakdown_problem(total, column, parts[column]))
    return problems


def _total_row_problem(district: dict, parts: list[dict]) -> Problem:
    added = sum((p["valor"] for p in parts), Decimal(0))
    rows = ", ".join(str(p["source_row"]) for p in parts[:8]) + (" …" if len(parts) > 8 else "")
    written = district.get("localidad") or "vacía"
    return Problem(
        district["source_row"],
        "localidad",
        district.get("localidad") or "",
        f"La fila de {_cell_name(district)} (localidad «{written}» = Distrito) parece el total "
        f"de las localidades (filas {rows}: suman {_number(added)}, y ella "
        f"{_number(district['valor'])}). El tablero suma las cifras del Distrito y las de cada "
        "localidad: ese total se contaría dos veces.",
        "Quite la fila de total (el tablero calcula el de Bogotá). Si son personas sin "
        "localidad, repórtelas con la localidad «Sin información».",
    )


def total_row_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    """A Distrito row (no locality, or «Total») that is the total of the file's locality rows of
    the same indicator, month and breakdown: the whole-district figure adds both."""
    cells: dict[tuple, dict[bool, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for record in filter(_usable, rows):
        key = (record.get("indicador"), record.get("mes"), *_series(record)[2:])
        cells[key][record["localidad_codigo"] == "00"].append(record)
    problems = []
    for parts in cells.values():
        if len(parts[True]) != 1 or not parts[False]:
            continue
        [district], others = parts[True], parts[False]
        labelled = normalize_name(district.get("localidad") or "").startswith("total")
        added = sum((p["valor"] for p in others), Decimal(0))
        if labelled or (len(others) >= 2 and added == district["valor"] and added > 0):
            problems.append(_total_row_problem(district, others))
    return problems


def _series(record: dict[str, Any]) -> Series:
    return (
        record["indicador"],
        record["localidad_codigo"],
        _category(record, "sexo"),
        _category(record, "grupo_edad"),
    )


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _jump(record: dict[str, Any], month: date, previous: Decimal) -> Problem | None:
    value = record["valor"]
    low, high = sorted((value, previous))
    if low <= 0 or high < low * JUMP_FACTOR or high - low < JUMP_MIN_DIFFERENCE:
        return None
    part = "la décima parte" if JUMP_FACTOR == 10 else f"1/{JUMP_FACTOR}"
    way = f"más de {JUMP_FACTOR} veces el" if value > previous else f"menos de {part} del"
    return Problem(
        record["source_row"],
        "valor",
        _number(value),
        f"El valor {_number(value)} de {_cell_name(record)} es {way} de {month:%Y-%m} en la "
        f"misma serie ({_number(previous)}).",
        "Revise la cifra; si es correcta, no hay que hacer nada.",
        WARNING,
    )


def jump_warnings(
    rows: list[dict[str, Any]], history: dict[Series, dict[date, Decimal]]
) -> list[Problem]:
    """A warning per row whose value jumps against the series' latest previous month with data
    (earlier rows of the same file or the entity's earlier deliveries, up to 3 months back)."""
    usable = [r for r in rows if _usable(r) and r.get("mes") and r.get("indicador")]
    series: dict[Series, dict[date, Decimal]] = defaultdict(dict)
    for key, months in history.items():
        series[key].update(months)
    for record in usable:
        series[_series(record)][record["mes"]] = record["valor"]
    problems = []
    for record in usable:
        months = series[_series(record)]
        earlier = [
            m
            for m in months
            if m < record["mes"] and _months_between(m, record["mes"]) <= JUMP_LOOKBACK_MONTHS
        ]
        if earlier:
            problem = _jump(record, max(earlier), months[max(earlier)])
            if problem is not None:
                problems.append(problem)
    return problems
