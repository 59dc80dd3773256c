"""URL state: global filters and page keys <-> query string (parse, validate, serialize, diff)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode

from dash import no_update

from warehouse.formatting import format_month_range

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
CODE_RE = re.compile(r"^[A-Za-z0-9_\-]{1,32}$")
QUARTER_RE = re.compile(r"^(\d{4})-T([1-4])$")
YEAR_RE = re.compile(r"^(\d{4})$")
MAX_VALUE_LENGTH = 200

# Query-string keys (Spanish: people read and share these links).
K_FROM, K_TO, K_PERIOD = "desde", "hasta", "periodo"
K_LOCALITY, K_ENTITY, K_UTA, K_PRESENT = "localidad", "entidad", "uta", "presentacion"
K_VALIDATED = "validados"  # «solo validados»: 1 / 0; absent = on in presentation mode only
GLOBAL_KEYS = (K_FROM, K_TO, K_PERIOD, K_LOCALITY, K_ENTITY, K_UTA, K_PRESENT, K_VALIDATED)

FIELD_LABELS = {
    K_FROM: "desde",
    K_TO: "hasta",
    K_PERIOD: "periodo",
    K_LOCALITY: "localidad",
    K_ENTITY: "entidad",
    K_UTA: "UTA",
    K_PRESENT: "presentación",
    K_VALIDATED: "solo validados",
}


@dataclass(frozen=True)
class FilterContext:
    """What the warehouse knows: valid codes, cut-offs and the default period."""

    locality_codes: frozenset[str]
    entity_codes: frozenset[str]
    uta_codes: frozenset[str]
    cutoffs: Mapping[str, tuple[date, date]]
    default_start: date
    default_end: date


@dataclass(frozen=True)
class FilterState:
    start: date
    end: date
    localities: tuple[str, ...] = ()
    entity: str | None = None
    uta: str | None = None
    presentation: bool = False
    validated: bool | None = None  # the «solo validados» switch as chosen; None = by default

    @property
    def validated_only(self) -> bool:
        """Figures from validated deliveries only: as chosen, else on for presenters."""
        return self.presentation if self.validated is None else self.validated

    @property
    def locality_list(self) -> list[str] | None:
        """Locality codes for the query layer; None = the whole district."""
        return list(self.localities) or None

    @property
    def period_label(self) -> str:
        return format_month_range(self.start, self.end)

    def with_changes(self, **changes) -> FilterState:
        return replace(self, **changes)


@dataclass(frozen=True)
class ParsedState:
    state: FilterState
    invalid: tuple[str, ...] = field(default_factory=tuple)

    @property
    def notice(self) -> str | None:
        if not self.invalid:
            return None
        names = ", ".join(FIELD_LABELS.get(k, k) for k in self.invalid)
        return (
            f"Algunos filtros del enlace no son válidos ({names}); "
            "se usaron los valores por defecto."
        )


def default_state(ctx: FilterContext) -> FilterState:
    return FilterState(start=ctx.default_start, end=ctx.default_end)


def _single(value: object) -> str | None:
    """One clean string from a query value (Dash gives lists for repeated keys)."""
    if isinstance(value, list | tuple):
        return None
    if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
        return None
    return value.strip()


def parse_month(text: str | None) -> date | None:
    match = MONTH_RE.match(text or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def period_bounds(pick: str, ctx: FilterContext) -> tuple[date, date] | None:
    """Quick picks: a cut-off code ('2024-C1'), a quarter ('2024-T2') or a year ('2024')."""
    if pick in ctx.cutoffs:
        return ctx.cutoffs[pick]
    if match := QUARTER_RE.match(pick):
        year, quarter = int(match.group(1)), int(match.group(2))
        if 2000 <= year <= 2100:
            return date(year, 3 * quarter - 2, 1), date(year, 3 * quarter, 1)
    if (match := YEAR_RE.match(pick)) and 2000 <= int(match.group(1)) <= 2100:
        year = int(match.group(1))
        return date(year, 1, 1), date(year, 12, 1)
    return None


def pick_for(start: date, end: date, ctx: FilterContext) -> str | None:
    """The quick pick naming exactly this period (a cut-off, a quarter or a year), if any: the
    inverse of period_bounds, so the control keeps showing what was chosen."""
    for code, bounds in ctx.cutoffs.items():
        if bounds == (start, end):
            return code
    if start.year == end.year and start.day == end.day == 1:
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year}-T{start.month // 3 + 1}"
    return None


def _flag(query: Mapping[str, object], key: str, invalid: list[str]) -> bool | None:
    """A '1' / '0' key: True / False; None when absent or invalid (then reported)."""
    if key not in query:
        return None
    value = _single(query[key])
    if value in ("1", "0"):
        return value == "1"
    invalid.append(key)
    return None


def parse_query(query: Mapping[str, object], ctx: FilterContext) -> ParsedState:
    """Validate every global key; anything wrong falls back to its default and is reported."""
    base = default_state(ctx)
    invalid: list[str] = []
    start, end = base.start, base.end

    if K_PERIOD in query:
        bounds = period_bounds(_single(query[K_PERIOD]) or "", ctx)
        if bounds:
            start, end = bounds
        else:
            invalid.append(K_PERIOD)
    else:
        for key in (K_FROM, K_TO):
            if key not in query:
                continue
            month = parse_month(_single(query[key]))
            if month is None:
                invalid.append(key)
            elif key == K_FROM:
                start = month
            else:
                end = month
        if start > end:
            invalid.extend(k for k in (K_FROM, K_TO) if k in query and k not in invalid)
            start, end = base.start, base.end

    localities: tuple[str, ...] = ()
    if K_LOCALITY in query:
        raw = _single(query[K_LOCALITY])
        codes = [c.strip() for c in (raw or "").split(",") if c.strip()]
        if raw is None or not codes or any(c not in ctx.locality_codes for c in codes):
            invalid.append(K_LOCALITY)
        else:
            localities = tuple(sorted(set(codes)))

    def code_in(key: str, valid: Iterable[str]) -> str | None:
        if key not in query:
            return None
        value = _single(query[key])
        if value and CODE_RE.match(value) and value in valid:
            return value
        invalid.append(key)
        return None

    entity = code_in(K_ENTITY, ctx.entity_codes)
    uta = code_in(K_UTA, ctx.uta_codes)
    presentation = bool(_flag(query, K_PRESENT, invalid))
    validated = _flag(query, K_VALIDATED, invalid)
    state = FilterState(start, end, localities, entity, uta, presentation, validated)
    return ParsedState(state, tuple(dict.fromkeys(invalid)))


def to_query(state: FilterState, extra: Mapping[str, str | None] | None = None) -> str:
    """Canonical query string ('?desde=2024-01&hasta=2024-05…'), extra page keys appended."""
    params: dict[str, str] = {
        K_FROM: state.start.strftime("%Y-%m"),
        K_TO: state.end.strftime("%Y-%m"),
    }
    if state.localities:
        params[K_LOCALITY] = ",".join(state.localities)
    if state.entity:
        params[K_ENTITY] = state.entity
    if state.uta:
        params[K_UTA] = state.uta
    if state.presentation:
        params[K_PRESENT] = "1"
    if state.validated is not None:
        params[K_VALIDATED] = "1" if state.validated else "0"
    for key, value in (extra or {}).items():
        if value:
            params[key] = value
    return "?" + urlencode(params, safe=",")


def query_dict(search: str | None) -> dict[str, object]:
    """'?a=1&a=2&b=3' → {'a': ['1', '2'], 'b': '3'} (as Dash hands queries to layouts)."""
    result: dict[str, object] = {}
    for key, value in parse_qsl((search or "").lstrip("?"), keep_blank_values=True):
        if key in result:
            previous = result[key]
            result[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            result[key] = value
    return result


def page_extras(search: str | None) -> dict[str, str]:
    """Non-global keys of the current query (page state such as the chosen indicator)."""
    return {
        k: v for k, v in query_dict(search).items() if k not in GLOBAL_KEYS and isinstance(v, str)
    }


def url_if_changed(search: str | None, old: str, new: str):
    """The new query string only when the view really changes (components firing on first render
    must not push a history entry, or the browser's back button would bounce)."""
    return new if new != old and new != search else no_update


def page_params(query: Mapping[str, object], allowed: Mapping[str, Iterable[str]]) -> dict:
    """Page-specific keys (e.g. 'indicador'): kept only when valid, else None."""
    result: dict[str, str | None] = {}
    for key, valid in allowed.items():
        value = _single(query.get(key)) if key in query else None
        result[key] = value if value and value in set(valid) else None
    return result


def shift_months(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)
