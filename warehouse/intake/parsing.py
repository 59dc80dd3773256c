"""Parsers for the values entities write: months, Colombian numbers, yes/no, header names."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

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


def parse_month(text: str) -> date:
    """`2024-05`, `2024-05-01`, `05/2024`, `may-2024`, `mayo de 2024`, Excel serial → 2024-05-01."""
    raw = text.strip().lower()
    serial = _excel_serial(raw)
    if serial:
        return serial.replace(day=1)
    for fmt in MONTH_FORMATS:
        try:
            parsed = datetime.strptime(raw, fmt)
            return date(parsed.year, parsed.month, 1)
        except ValueError:
            continue
    match = re.fullmatch(r"([a-záéíóú]+)\.?[\s\-/.]*(?:de\s+|del\s+)?(\d{4})", raw)
    if match and match.group(1)[:3] in MONTHS_ES:
        return date(int(match.group(2)), MONTHS_ES[match.group(1)[:3]], 1)
    raise ValueError(text)


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


def parse_number(text: str) -> Decimal:
    """Numbers as Colombians write them: `1.214`, `1.214,5`, `806728`, `12,5`."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", raw):
        raw = raw.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", raw):
        raw = raw.replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse_bool(text: str) -> bool:
    value = normalize_name(text)
    if value in {"si", "s", "true", "1", "asiste", "x", "verdadero"}:
        return True
    if value in {"no", "n", "false", "0", "no_asiste", "falso"}:
        return False
    raise ValueError(text)
