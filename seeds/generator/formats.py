"""How each entity writes its exports: file type, delimiter, encoding, numbers, months, places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from warehouse.formatting import MONTH_ABBR_ES as MONTH_ABBR
from warehouse.formatting import MONTH_NAMES_ES as MONTH_NAMES
from warehouse.text import strip_accents

# Real-life misspellings seen in entity exports (each one is in seeds/catalog/locality_aliases).
TYPOS: dict[str, str] = {
    "01": "Usaquen ",
    "03": "Santafe",
    "08": "Kenedy",
    "14": "Martires",
    "17": "Candelaria",
    "18": "Rafael Uribe",
}


@dataclass(frozen=True)
class Style:
    """One entity's habits when it fills in a template."""

    fmt: str = "csv"  # csv | xlsx
    delimiter: str = ","
    encoding: str = "utf-8"  # utf-8 | utf-8-sig | cp1252
    numbers: str = "plain"  # plain | co (1.214)
    months: str = "iso"  # iso | iso-day | mon-yyyy | mm/yyyy | name | yyyy/mm | date
    localities: str = "title"  # see spell_locality
    header: str = "lower"  # lower | title

    @property
    def line_end(self) -> str:
        return "\r\n" if self.encoding == "cp1252" else "\n"


STYLES: dict[str, Style] = {
    "SDP": Style(
        delimiter=";", encoding="cp1252", numbers="co", localities="upper", header="title"
    ),
    "SDIS": Style(fmt="xlsx", months="date", localities="code_name", header="title"),
    "SDG": Style(months="mon-yyyy", localities="typos"),
    "SDMUJER": Style(fmt="xlsx", months="mm/yyyy", localities="localidad_prefix"),
    "IDIPRON": Style(delimiter=";", encoding="utf-8-sig", months="iso-day", localities="title"),
    "SDS": Style(fmt="xlsx", months="date", localities="upper_accents", header="title"),
    "SDH": Style(numbers="co", months="name", header="title"),
    "SED": Style(
        delimiter=";", encoding="cp1252", numbers="co", months="mm/yyyy", localities="typos"
    ),
    "SDDE": Style(fmt="xlsx", months="iso", localities="short_code_name"),
    "IPES": Style(months="iso", localities="lower_underscore"),
    "SDSCJ": Style(fmt="xlsx", months="mon-yyyy", localities="title", header="title"),
    "SDA": Style(delimiter=";", encoding="cp1252", months="yyyy/mm", localities="typos"),
}


def spell_locality(code: str, name: str, how: str) -> str:
    """The locality as a given entity writes it (empty for the district-wide row)."""
    if code == "00":
        return ""
    spellings = {
        "title": name,
        "upper": strip_accents(name).upper(),
        "upper_accents": name.upper(),
        "code_name": f"{code} - {name}",
        "short_code_name": f"{int(code)} - {name}",
        "lower_underscore": strip_accents(name).lower().replace(" ", "_"),
        "localidad_prefix": f"Localidad {name}",
        "typos": TYPOS.get(code, name),
    }
    return spellings[how]


def format_month(month: date, how: str) -> str | datetime:
    """The month as text the way an entity writes it (a datetime for Excel date cells)."""
    text = {
        "iso": f"{month:%Y-%m}",
        "iso-day": f"{month:%Y-%m-%d}",
        "mon-yyyy": f"{MONTH_ABBR[month.month - 1]}-{month.year}",
        "mm/yyyy": f"{month:%m/%Y}",
        "name": f"{MONTH_NAMES[month.month - 1]} {month.year}",
        "yyyy/mm": f"{month:%Y/%m}",
    }
    if how == "date":
        return datetime(month.year, month.month, 1)
    return text[how]


def format_number(value: int, how: str, fmt: str) -> str | int:
    """Integers as cells: numbers in Excel, text in CSV (Colombian thousands `1.214` if `co`)."""
    if fmt == "xlsx":
        return value
    return f"{value:,}".replace(",", ".") if how == "co" else str(value)


def format_header(names: list[str], how: str) -> list[str]:
    if how == "title":
        return [n.replace("_", " ").capitalize() for n in names]
    return list(names)
