"""Policy advance queries on the marts: the weighted advance and goal per cut-off (overall, per
UTA, per entity), the goal trajectory to 2035 and the products of a cut-off.

The rule lives in dbt (mart_policy_advance, fct_product_advance); these are plain SELECTs."""

from __future__ import annotations

import pandas as pd

from warehouse.marts.query import frame as _frame

SCOPE_KINDS = ("politica", "uta", "entidad")
POLICY_SCOPE = "TOTAL"
ADVANCE_COLUMNS = [
    "scope_kind",
    "scope_code",
    "scope_name",
    "cutoff_code",
    "cutoff_name",
    "cutoff_end_month",
    "products",
    "reported_products",
    "weight_pct",
    "advance_ratio",
    "goal_ratio",
    "gap_ratio",
]
PRODUCT_COLUMNS = [
    "product_code",
    "product_name",
    "uta_code",
    "uta_label",
    "entity_code",
    "entity_short_name",
    "coresponsible_entity_codes",
    "indicator_name",
    "unit",
    "weight_pct",
    "is_cumulative",
    "cutoff_code",
    "year_goal",
    "reported_value",
    "is_reported",
    "advance_ratio",
    "gap_ratio",
    "policy_gap_ratio",
    "progress_note",
]


def _advance_select(where: str) -> str:
    return (
        "select " + ", ".join(ADVANCE_COLUMNS) + " from marts.mart_policy_advance "
        f"where {where} "
        "order by cutoff_sort_order, scope_kind, scope_name"
    )


def policy_advance(
    cutoff_code: str, scope_kind: str = "politica", scope_code: str | None = None
) -> pd.DataFrame:
    """The weighted advance and goal of one cut-off for every scope of a kind (or one scope)."""
    return _frame(
        _advance_select(
            "cutoff_code = :cutoff and scope_kind = :kind "
            "and (cast(:code as text) is null or scope_code = :code)"
        ),
        {"cutoff": cutoff_code, "kind": scope_kind, "code": scope_code},
        columns=ADVANCE_COLUMNS,
    )


def policy_figure(cutoff_code: str) -> dict | None:
    """The policy's overall weighted advance and goal at a cut-off (None when not built)."""
    rows = policy_advance(cutoff_code, "politica", POLICY_SCOPE).to_dict("records")
    return rows[0] if rows else None


def advance_series(scope_kind: str = "politica", scope_code: str = POLICY_SCOPE) -> pd.DataFrame:
    """The advance and goal of one scope at every cut-off, chronologically."""
    return _frame(
        _advance_select("scope_kind = :kind and scope_code = :code"),
        {"kind": scope_kind, "code": scope_code},
        columns=ADVANCE_COLUMNS,
    )


def goal_trajectory(scope_kind: str = "politica", scope_code: str = POLICY_SCOPE) -> pd.DataFrame:
    """The weighted goal programmed by the end of each year 2023–2035."""
    return _frame(
        "select goal_year, goal_month, goal_ratio from marts.mart_policy_goal_trajectory "
        "where scope_kind = :kind and scope_code = :code order by goal_year",
        {"kind": scope_kind, "code": scope_code},
        columns=["goal_year", "goal_month", "goal_ratio"],
    )


def products(
    cutoff_code: str, uta_code: str | None = None, entity_code: str | None = None
) -> pd.DataFrame:
    """The products of a cut-off, furthest from their year's goal first (no goal: last)."""
    return _frame(
        "select p.product_code, p.product_name, f.uta_code, u.uta_label, f.entity_code, "
        "e.entity_short_name, p.coresponsible_entity_codes, p.indicator_name, p.unit, "
        "f.weight_pct, f.is_cumulative, f.cutoff_code, f.year_goal, f.reported_value, "
        "f.is_reported, f.advance_ratio, f.gap_ratio, f.policy_gap_ratio, f.progress_note "
        "from marts.fct_product_advance f "
        "join marts.dim_product p on p.product_code = f.product_code "
        "left join marts.dim_uta u on u.uta_code = f.uta_code "
        "left join marts.dim_entity e on e.entity_code = f.entity_code "
        "where f.cutoff_code = :cutoff "
        "and (cast(:uta as text) is null or f.uta_code = :uta) "
        "and (cast(:entity as text) is null or f.entity_code = :entity) "
        "order by f.gap_ratio desc nulls last, f.policy_gap_ratio desc, p.sort_order",
        {"cutoff": cutoff_code, "uta": uta_code, "entity": entity_code},
        columns=PRODUCT_COLUMNS,
    )
