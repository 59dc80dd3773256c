"""es-CO formatting of numbers, percentages and months for everything shown to people."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
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
# PostgreSQL numeric holds up to 131072 digits before the decimal point.
PG_NUMERIC_MAX_DIGITS = 131072
# How each aggregation rule (dim_indicator.aggregation_rule) combines the months, for people.
RULE_LABELS = {
    "sum": "suma de los meses del periodo",
    "avg": "promedio mensual de los meses con dato",
    "last": "valor al último mes con dato (existencias: no se suma entre meses)",
    "ratio": (
        "razón: numerador y denominador agregados en el periodo, cada uno por su regla, "
        "y luego divididos (no el promedio de las razones mensuales)"
    ),
}


def _as_decimal(value: float | Decimal | int) -> Decimal | None:
    """Any number as a Decimal; None for NaN (float or Decimal, quiet or signalling)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return None if number.is_nan() else number


def format_number(value: float | Decimal | int | None, decimals: int = 0) -> str:
    """806728 → '806.728'; 1214.5 with decimals=1 → '1.214,5'; None or NaN → '—';
    ±Infinity → '∞' / '-∞'. Never raises, whatever the size of the number."""
    number = None if value is None else _as_decimal(value)
    if number is None:
        return "—"
    if number.is_infinite():
        return "∞" if number > 0 else "-∞"
    if number.adjusted() > PG_NUMERIC_MAX_DIGITS:  # beyond what the database can hold
        sign, digits, _ = number.as_tuple()
        first, second = digits[0], digits[1] if len(digits) > 1 else 0
        return f"{'-' if sign else ''}{first},{second} × 10^{number.adjusted()}"  # noqa: RUF001
    decimals = max(decimals, 0)
    with localcontext() as context:  # enough digits for any numeric PostgreSQL can hold
        context.prec = max(28, number.adjusted() + decimals + 3)
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN
        # Half-up rounding as people expect (10/16 = 62,5 % → "63 %"), not banker's rounding.
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if rounded == 0:
            rounded = abs(rounded)  # never "-0"
        text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_percent(ratio: float | Decimal | None, decimals: int = 0) -> str:
    """0.6667 → '67 %' (es-CO puts a space before the sign)."""
    number = None if ratio is None else _as_decimal(ratio)
    if number is None:
        return "—"
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + 5) if number.is_finite() else 28
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN
        return f"{format_number(number * 100, decimals)} %"


def format_figure(value: float | Decimal | int | None, ratio_per: float | int | None = None) -> str:
    """An indicator's figure: a count or average as format_number ('806.728'); a derived ratio
    (catalogue ratio_per) with one decimal — 100 → '32,3 %', 1000 → '78,1 por 1.000'."""
    per = None if ratio_per is None else _as_decimal(ratio_per)
    if per is None or not per.is_finite() or per <= 0:
        return format_number(value)
    text = format_number(value, 1)
    if text == "—":
        return text
    return f"{text} %" if per == 100 else f"{text} por {format_number(per)}"


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


def format_change(
    current: float | Decimal | None,
    previous: float | Decimal | None,
    against: str | None = None,
) -> str | None:
    """'▲ 12 % frente al mismo periodo del año anterior' (None when a side is missing, 0, NaN
    or infinite); `against` names what is compared instead ('▲ 12 % frente a oct 2023 …')."""
    now = None if current is None else _as_decimal(current)
    before = None if previous is None else _as_decimal(previous)
    if now is None or before is None or before == 0:
        return None
    if not (now.is_finite() and before.is_finite()):
        return None
    with localcontext() as context:
        context.prec = 50  # a ratio shown with a few digits
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN
        ratio = (now - before) / before
        if ratio == 0:
            return (
                f"= igual que {against}"
                if against
                else ("= igual que el mismo periodo del año anterior")
            )
        arrow = "▲" if ratio > 0 else "▼"
        if against:
            return f"{arrow} {format_percent(abs(ratio))} frente a {against}"
        return f"{arrow} {format_percent(abs(ratio))} frente al mismo periodo del año anterior"
