"""Resolve a locality as an entity wrote it: exact alias first, then a fuzzy match (a warning)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from warehouse.intake.catalog import Catalog
from warehouse.text import fold

DISTRICT_CODE = "00"


def normalize_locality(text: str) -> str:
    """Same form as the dbt macro normalize_locality: lower, no accents, `-`/`_` → space."""
    text = fold(text).replace("_", " ").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Resolution:
    code: str | None  # None: not resolvable
    fuzzy: bool = False
    matched_alias: str | None = None
    score: float | None = None


def resolve_locality(text: str, catalog: Catalog, threshold: float) -> Resolution:
    """Empty → Distrito; exact alias; else the best fuzzy alias scoring at least `threshold`."""
    normalized = normalize_locality(text)
    if not normalized:
        return Resolution(DISTRICT_CODE)
    if normalized in catalog.aliases:
        return Resolution(catalog.aliases[normalized], matched_alias=normalized)
    stripped = re.sub(r"^(localidad|loc\.?)\s+(de\s+)?", "", normalized)
    if stripped in catalog.aliases:
        return Resolution(catalog.aliases[stripped], fuzzy=True, matched_alias=stripped, score=100)
    candidates = [a for a in catalog.aliases if not a.isdigit()]
    best = process.extractOne(stripped, candidates, scorer=fuzz.ratio, score_cutoff=threshold)
    if best is None:
        return Resolution(None)
    alias, score, _ = best
    return Resolution(catalog.aliases[alias], fuzzy=True, matched_alias=alias, score=score)
