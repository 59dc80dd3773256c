"""The dashboard's month calendar, configured once: the vars calendar_first_month and
calendar_last_month of dbt_project.yml. dbt builds dim_period from them and the loader refuses
months outside them, so the two can never disagree (docs/agregar_indicador.md, Ampliar el
calendario)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from warehouse.settings import Settings, get_settings

DEFAULT_FIRST_MONTH = date(2015, 1, 1)
DEFAULT_LAST_MONTH = date(2035, 12, 1)


def _as_month(value: object, default: date) -> date:
    if value is None:
        return default
    parsed = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    return parsed.replace(day=1)


@lru_cache(maxsize=8)
def _read(path: str, stamp: float) -> tuple[date, date]:
    with Path(path).open(encoding="utf-8") as handle:
        variables = (yaml.safe_load(handle) or {}).get("vars") or {}
    first = _as_month(variables.get("calendar_first_month"), DEFAULT_FIRST_MONTH)
    last = _as_month(variables.get("calendar_last_month"), DEFAULT_LAST_MONTH)
    if first > last:
        raise ValueError(
            f"dbt_project.yml: calendar_first_month ({first}) es posterior a "
            f"calendar_last_month ({last})."
        )
    return first, last


def calendar_bounds(settings: Settings | None = None) -> tuple[date, date]:
    """(first month, last month) of the calendar, re-read whenever dbt_project.yml changes."""
    path = (settings or get_settings()).dbt_project_dir / "dbt_project.yml"
    if not path.exists():
        return DEFAULT_FIRST_MONTH, DEFAULT_LAST_MONTH
    return _read(str(path), path.stat().st_mtime)
