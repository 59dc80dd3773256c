"""Display names of the filter codes (localities, entities, UTAs), from the cached catalogues."""

from __future__ import annotations

import pandas as pd

from dash_app.cache import cached_call
from warehouse.marts import reference


def names(frame: pd.DataFrame, key: str, label: str) -> dict[str, str]:
    return dict(zip(frame[key], frame[label], strict=False)) if not frame.empty else {}


def locality_names() -> dict[str, str]:
    return names(cached_call(reference.localities), "locality_code", "locality_name")


def entity_names() -> dict[str, str]:
    return names(cached_call(reference.entities), "entity_code", "entity_short_name")


def uta_names() -> dict[str, str]:
    return names(cached_call(reference.utas), "uta_code", "uta_label")
