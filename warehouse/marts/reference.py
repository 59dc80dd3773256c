"""Reference queries for filters and labels: localities, entities, UTAs, cut-offs, data range."""

from __future__ import annotations

import pandas as pd

from warehouse.marts.query import frame, scalar


def localities() -> pd.DataFrame:
    """The 20 localities plus Distrito (00); population_2024 for rates."""
    return frame(
        "select locality_code, locality_name, locality_kind, is_locality, population_2024 "
        "from marts.dim_locality where locality_code <> '99' order by sort_order",
        columns=[
            "locality_code",
            "locality_name",
            "locality_kind",
            "is_locality",
            "population_2024",
        ],
    )


def entities() -> pd.DataFrame:
    return frame(
        "select entity_code, entity_name, entity_short_name, entity_kind, is_committee_member, "
        "quorum_order from marts.dim_entity order by quorum_order nulls last, entity_name",
        columns=["entity_code", "entity_name", "entity_short_name"],
    )


def utas() -> pd.DataFrame:
    return frame(
        "select uta_code, uta_number, uta_name, uta_label, uta_objective "
        "from marts.dim_uta order by sort_order",
        columns=["uta_code", "uta_number", "uta_name", "uta_label", "uta_objective"],
    )


def cutoffs() -> pd.DataFrame:
    return frame(
        "select cutoff_code, cutoff_name, start_month, end_month from marts.dim_cutoff "
        "order by start_month",
        columns=["cutoff_code", "cutoff_name", "start_month", "end_month"],
    )


def data_range() -> tuple:
    """First and last month with any indicator value (None, None when empty)."""
    result = frame(
        "select min(period_month) as first_month, max(period_month) as last_month "
        "from marts.fct_indicator_values",
        columns=["first_month", "last_month"],
    )
    if result.empty:
        return None, None
    return result["first_month"].iloc[0], result["last_month"].iloc[0]


def built_at():
    """Timestamp of the last successful dbt build (mart_build_info), None if unknown."""
    return scalar("select max(built_at) from marts.mart_build_info")


def integrate_centres() -> pd.DataFrame:
    """The Centros Intégrate (dim_integrate_centre)."""
    return frame(
        "select centre_code, centre_name, locality_code, locality_name, address, services, "
        "opening_date from marts.dim_integrate_centre order by centre_name",
        columns=["centre_code", "centre_name", "locality_code", "locality_name", "address",
                 "services", "opening_date"],
    )  # fmt: skip


def review_states() -> pd.DataFrame:
    """Accepted deliveries in force per review state, as of the last build."""
    return frame(
        "select review_state, deliveries from marts.mart_delivery_review_states "
        "order by review_state",
        columns=["review_state", "deliveries"],
    )


def build_status() -> dict | None:
    """Live (not cached): last successful build, last attempt and whether it failed, and accepted
    deliveries not yet in the marts (mart_build_status, a view). None before the first build."""
    result = frame(
        "select last_success_at, last_attempt_at, last_attempt_failed, pending_deliveries "
        "from marts.mart_build_status",
        columns=["last_success_at", "last_attempt_at", "last_attempt_failed", "pending_deliveries"],
    )
    return None if result.empty else result.iloc[0].to_dict()
