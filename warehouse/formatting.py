"""es-CO formatting of numbers, percentages and months for everything shown to people."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

MONTH_ABBR_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
MONTH_NAMES_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
# How each aggregation rule (dim_indicator.aggregation_rule) combines the months, for people.
RULE_LABELS = {
    "sum": "suma de los meses del periodo",
    "avg": "promedio mensual de los meses con dato",
    "last": "valor al último mes con dato (existencias: no se suma entre meses)",
}


def format_number(value: float | Decimal | int | None, decimals: int = 0) -> str:
    """806728 → '806.728'; 1214.5 with decimals=1 → '1.214,5'; None → '—'."""
    if value is None:
        return "—"
    # Half-up rounding as people expect (10/16 = 62,5 % → "63 %"), not banker's rounding.
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_percent(ratio: float | Decimal | None, decimals: int = 0) -> str:
    """0.6667 → '67 %' (es-CO puts a space before the sign)."""
    if ratio is None:
        return "—"
    return f"{format_number(Decimal(str(ratio)) * 100, decimals)} %"


def format_month(month: date) -> str:
    """date(2024, 1, 1) → 'ene 2024'."""
    return f"{MONTH_ABBR_ES[month.month - 1]} {month.year}"


def format_months(count: int) -> str:
    """'1 mes', '3 meses'."""
    return f"{format_number(count)} {'mes' if count == 1 else 'meses'}"


def format_month_range(start: date, end: date) -> str:
    """'ene 2024 – may 2024', or one month when both are equal."""
    if (start.year, start.month) == (end.year, end.month):
        return format_month(start)
    return f"{format_month(start)} – {format_month(end)}"


def format_datetime(moment: datetime | None, zone: str = "America/Bogota") -> str:
    """Aware datetime → '28 nov 2026, 12:11' in Bogotá time; None → '—'."""
    if moment is None:
        return "—"
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(zone))
    return f"{moment.day} {MONTH_ABBR_ES[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def format_date(day: date | None) -> str:
    """date(2024, 6, 14) → '14 jun 2024'."""
    if day is None:
        return "—"
    return f"{day.day} {MONTH_ABBR_ES[day.month - 1]} {day.year}"


def format_change(current: float | Decimal | None, previous: float | Decimal | None) -> str | None:
    """'▲ 12 % frente al mismo periodo del año anterior' (None when a side is missing or 0)."""
    if current is None or previous is None or Decimal(str(previous)) == 0:
        return None
    ratio = (Decimal(str(current)) - Decimal(str(previous))) / Decimal(str(previous))
    if ratio == 0:
        return "= igual que el mismo periodo del año anterior"
    arrow = "▲" if ratio > 0 else "▼"
    return f"{arrow} {format_percent(abs(ratio))} frente al mismo periodo del año anterior"
