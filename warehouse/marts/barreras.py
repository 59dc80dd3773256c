"""Barreras queries on the marts: barriers and highlighted activities per cut-off, UTA, entity."""

from __future__ import annotations

import pandas as pd

from warehouse.marts.query import frame as _frame
from warehouse.text import fold

ITEM_KINDS = ("barrera", "actividad destacada")


def barriers(
    cutoff_code: str | None = None,
    uta_code: str | None = None,
    entity_code: str | None = None,
    item_kind: str | None = None,
    search: str | None = None,
) -> pd.DataFrame:
    """Barriers and highlighted activities; `search` matches the text ignoring case and accents."""
    needle = fold(search.strip()) if search and search.strip() else None
    return _frame(
        "select b.barrier_key, b.cutoff_code, d.cutoff_name, b.uta_code, "
        "coalesce(u.uta_label, b.uta_code) as uta_label, b.entity_code, e.entity_short_name, "
        "b.item_kind, b.item_text "
        "from marts.fct_barriers b "
        "join marts.dim_cutoff d using (cutoff_code) "
        "left join marts.dim_uta u using (uta_code) "
        "left join marts.dim_entity e using (entity_code) "
        "where (cast(:cutoff as text) is null or b.cutoff_code = :cutoff) "
        "and (cast(:uta as text) is null or b.uta_code = :uta) "
        "and (cast(:entity as text) is null or b.entity_code = :entity) "
        "and (cast(:kind as text) is null or b.item_kind = :kind) "
        "and (cast(:needle as text) is null or position(:needle in "
        "translate(lower(b.item_text), 'áéíóúüñ', 'aeiouun')) > 0) "
        "order by d.sort_order, u.sort_order, e.quorum_order, b.item_kind, b.source_row",
        {
            "cutoff": cutoff_code,
            "uta": uta_code,
            "entity": entity_code,
            "kind": item_kind,
            "needle": needle,
        },
        columns=[
            "barrier_key",
            "cutoff_code",
            "cutoff_name",
            "uta_code",
            "uta_label",
            "entity_code",
            "entity_short_name",
            "item_kind",
            "item_text",
        ],
    )
