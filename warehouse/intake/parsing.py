"""Parsers for the values entities write: months, Colombian numbers, yes/no, header names."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from warehouse.formatting import MONTH_NAMES_ES
from warehouse.text import fold

MONTHS_ES = {
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
}


def normalize_name(text: str) -> str:
    """Lower case, no accents, single spaces/underscores: for matching headers and names."""
    return re.sub(r"[\s_]+", "_", fold(text).strip())


EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers Excel gives dates between 1990 and 2060 (a bare number outside is not a date).
EXCEL_SERIALS = range(32874, 58441)
MONTH_FORMATS = (
    "%Y-%m",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%m/%Y",
    "%m-%Y",
    "%d/%m/%Y",
    "%Y/%m",
    "%Y/%m/%d",
)


def _excel_serial(raw: str) -> date | None:
    if re.fullmatch(r"\d{5}([.,]0+)?", raw) and int(raw[:5]) in EXCEL_SERIALS:
        return EXCEL_EPOCH + timedelta(days=int(raw[:5]))
    return None


class AmbiguousMonth(ValueError):
    """A month written so that it can be read two ways; the message says why (in Spanish)."""


def _month_name(word: str) -> int | None:
    word = word.rstrip(".")
    return MONTHS_ES.get(word[:3]) if len(word) >= 3 else None


def _ambiguous(raw: str) -> str | None:
    """Why a month text is refused as ambiguous, if it is."""
    if re.fullmatch(r"\d{1,2}[/\-.]\d{2}", raw):
        return (
            f"«{raw}» puede ser mes/año (p. ej. mayo de 2025) o día/mes sin año: no se sabe cuál."
        )
    match = re.fullmatch(r"(\d{1,2})[\s\-/.]*(?:de\s+)?([a-z]+)\.?", raw)
    if match and _month_name(match.group(2)):
        return f"«{raw}» es un día y un mes sin año (¿de qué año?)."
    if re.fullmatch(r"\d{4}", raw):
        return f"«{raw}» es solo un año: falta el mes."
    match = re.fullmatch(r"([a-z]+)\s+(\d{1,2})", raw)
    if match and _month_name(match.group(1)):
        return f"«{raw}» puede ser un día del mes o el año 20{int(match.group(2)):02d}."
    return None


def _day_month_year(raw: str) -> date | None:
    """A whole date in a month cell, day first as in Colombia (15/05/2025, 01-05-2025) or, when
    the second number cannot be a month, month first as a US system writes it (05/15/2025).
    `05/01/2025` is refused: 5 January, or the first of May written month first?"""
    match = re.fullmatch(r"(\d{1,2})([/\-])(\d{1,2})\2(\d{4})(\s+0?0:00(:00)?)?", raw)
    if not match:
        return None
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if second == 1 and 1 < first <= 12:
        raise AmbiguousMonth(
            f"«{raw}» puede ser el {first} de enero (día/mes/año) o el 1 de "
            f"{MONTH_NAMES_ES[first - 1]} escrito mes/día/año, como lo exportan algunos sistemas."
        )
    month, day = (first, second) if second > 12 else (second, first)
    try:
        return date(year, month, day).replace(day=1)
    except ValueError:  # 31/02/2025, 13/13/2025: not a date
        return None


def parse_month(text: str) -> date:
    """`2024-05`, `2024-05-01`, `05/2024`, `2024/05`, `may-2024`, `may-25` (mmm-aa as Spanish
    Excel saves it), `mayo de 2024`, Excel serial → date(2024, 5, 1). Ambiguous forms (`05/25`,
    `25-may`, `2024`) raise AmbiguousMonth with the reason."""
    raw = fold(text).strip().lower()
    serial = _excel_serial(raw)
    if serial:
        return serial.replace(day=1)
    if day_month := _day_month_year(raw):
        return day_month
    for fmt in MONTH_FORMATS:
        try:
            parsed = datetime.strptime(raw, fmt)
            return date(parsed.year, parsed.month, 1)
        except ValueError:
            continue
    match = re.fullmatch(r"([a-z]+)\.?[\s\-/.]*(?:de\s+|del\s+)?(\d{4})", raw)
    if match and (month := _month_name(match.group(1))):
        return date(int(match.group(2)), month, 1)
    match = re.fullmatch(r"([a-z]+)\.?[\-/.](\d{2})", raw)  # mmm-aa: the year is 20aa
    if match and (month := _month_name(match.group(1))):
        return date(2000 + int(match.group(2)), month, 1)
    reason = _ambiguous(raw)
    if reason:
        raise AmbiguousMonth(reason)
    raise ValueError(text)


def month_reading(text: str, value: date) -> str | None:
    """How a month written other than AAAA-MM was read (for the summary), else None."""
    raw = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}(-01)?", raw):
        return None
    return f"«{raw}» → {value.year}-{value.month:02d}"


def parse_date(text: str) -> date:
    """`2024-05-17`, `17/05/2024`, Excel dates and serial numbers → date."""
    raw = text.strip()
    serial = _excel_serial(raw)
    if serial:
        return serial
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


NUMBER_SHAPE = re.compile(r"[+-]?(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?", re.ASCII)


def parse_number(text: str) -> Decimal:
    """Numbers as Colombians write them: `1.214`, `1.214,5`, `806728`, `12,5`. Only the digits
    0-9 (Python would also take `1_000` or Arabic-Indic and full-width digits), a sign,
    separators and an exponent."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if not NUMBER_SHAPE.fullmatch(raw):
        raise ValueError(text)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d*,\d+([eE][+-]?\d+)?", raw):
        raw = raw.replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", raw):
        raw = raw.replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return abs(value) if value == 0 else value  # never "-0"


def parse_bool(text: str) -> bool:
    value = normalize_name(text)
    if value in {"si", "s", "true", "1", "asiste", "asistio", "presente", "x", "verdadero"}:
        return True
    if value in {"no", "n", "false", "0", "no_asiste", "no_asistio", "ausente", "falso"}:
        return False
    raise ValueError(text)
