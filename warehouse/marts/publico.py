"""Public view queries (page /publico): bound-parameter SELECTs on
marts.mart_public_locality_figures only, where dbt has already withheld the small counts."""

from __future__ import annotations

import pandas as pd

from warehouse.marts.query import frame

CUTOFF_COLUMNS = ["cutoff_code", "cutoff_name", "cutoff_sort_order"]
FIGURE_COLUMNS = [
    "indicator_code",
    "indicator_name",
    "unit",
    "aggregation_rule",
    "ratio_per",
    "window_start_month",
    "window_end_month",
    "cutoff_code",
    "cutoff_name",
    "locality_scope",
    "locality_name",
    "locality_kind",
    "is_district_total",
    "figure",
    "is_suppressed",
    "suppression_reason",
    "min_count",
]


def cutoffs() -> pd.DataFrame:
    """The cut-offs with public figures, latest first."""
    return frame(
        "select distinct cutoff_code, cutoff_name, cutoff_sort_order "
        "from marts.mart_public_locality_figures order by cutoff_sort_order desc",
        columns=CUTOFF_COLUMNS,
    )


def figures(cutoff_code: str) -> pd.DataFrame:
    """One cut-off's public figures: per indicator the district row first, then the localities."""
    return frame(
        f"select {', '.join(FIGURE_COLUMNS)} from marts.mart_public_locality_figures "
        "where cutoff_code = :cutoff "
        "order by indicator_sort_order, locality_sort_order, locality_scope",
        {"cutoff": cutoff_code},
        columns=FIGURE_COLUMNS,
    )
