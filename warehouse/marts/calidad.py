"""Delivery and freshness queries (deliveries, deliveries by cut-off, entity freshness)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.marts.query import frame

DELIVERY_COLUMNS = [
    "delivery_id",
    "entity_code",
    "entity_short_name",
    "kind",
    "file_name",
    "received_at",
    "status",
    "row_count",
    "problem_count",
    "review_state",
]


def deliveries(
    entity: str | None = None, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Deliveries received between the first day of `start` and the last day of `end`."""
    return frame(
        "select d.delivery_id, d.entity_code, e.entity_short_name, d.kind, d.file_name, "
        "d.received_at, d.status, d.row_count, d.problem_count, d.review_state "
        "from marts.mart_deliveries as d left join marts.dim_entity as e using (entity_code) "
        "where (cast(:entity as text) is null or d.entity_code = :entity) "
        "and (cast(:start as date) is null or d.received_at >= :start) "
        "and (cast(:end as date) is null "
        "or d.received_at < cast(:end as date) + interval '1 month') "
        "order by d.received_at desc",
        {"entity": entity, "start": start, "end": end},
        columns=DELIVERY_COLUMNS,
    )


def entity_freshness(entity: str | None = None) -> pd.DataFrame:
    return frame(
        "select f.entity_code, e.entity_short_name, e.entity_name, f.last_delivery_at, "
        "f.last_accepted_at, f.accepted_deliveries, f.rejected_deliveries, f.expected_frequency, "
        "f.days_since_last_accepted, f.is_stale "
        "from marts.mart_entity_freshness as f join marts.dim_entity as e using (entity_code) "
        "where (cast(:entity as text) is null or f.entity_code = :entity) "
        "order by e.quorum_order nulls last, e.entity_name",
        {"entity": entity},
        columns=[
            "entity_code",
            "entity_short_name",
            "entity_name",
            "last_delivery_at",
            "last_accepted_at",
            "accepted_deliveries",
            "rejected_deliveries",
            "expected_frequency",
            "days_since_last_accepted",
            "is_stale",
        ],
    )


CUTOFF_COLUMNS = [
    "entity_code",
    "entity_short_name",
    "cutoff_code",
    "cutoff_name",
    "start_month",
    "end_month",
    "report_deadline",
    "deliveries",
    "accepted",
    "rejected",
    "on_time",
    "last_delivery_at",
]


def deliveries_by_cutoff(
    entity: str | None = None, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Deliveries per entity and cut-off (mart_delivery_counts_by_cutoff): cut-offs overlapping
    start..end; deliveries covering no cut-off ("sin corte") are always kept."""
    return frame(
        "select d.entity_code, e.entity_short_name, d.cutoff_code, c.cutoff_name, "
        "c.start_month, c.end_month, c.report_deadline, d.deliveries, d.accepted, d.rejected, "
        "d.on_time, d.last_delivery_at "
        "from marts.mart_delivery_counts_by_cutoff as d "
        "left join marts.dim_entity as e using (entity_code) "
        "left join marts.dim_cutoff as c using (cutoff_code) "
        "where (cast(:entity as text) is null or d.entity_code = :entity) "
        "and (d.cutoff_code is null "
        "or ((cast(:start as date) is null or c.end_month >= cast(:start as date)) "
        "and (cast(:end as date) is null or c.start_month <= cast(:end as date)))) "
        "order by e.quorum_order nulls last, e.entity_name nulls last, c.sort_order nulls last",
        {"entity": entity, "start": start, "end": end},
        columns=CUTOFF_COLUMNS,
    )


def delivery_counts_by_entity(entity: str | None = None) -> pd.DataFrame:
    """Accepted and rejected files per entity (mart_delivery_counts_by_entity), most files first."""
    return frame(
        "select d.entity_code, e.entity_short_name, d.accepted, d.rejected "
        "from marts.mart_delivery_counts_by_entity as d "
        "left join marts.dim_entity as e using (entity_code) "
        "where (cast(:entity as text) is null or d.entity_code = :entity) "
        "order by d.chart_order",
        {"entity": entity},
        columns=["entity_code", "entity_short_name", "accepted", "rejected"],
    )
