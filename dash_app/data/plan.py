"""Action-plan queries the pages need (marts only): compliance, activities, barriers, goals."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dash_app.data.sql import frame


def cutoffs_in_period(start: date, end: date) -> pd.DataFrame:
    """Cut-offs overlapping the period, latest first."""
    return frame(
        "select cutoff_code, cutoff_name, start_month, end_month, report_deadline "
        "from marts.dim_cutoff where start_month <= :end and end_month >= :start "
        "order by end_month desc",
        {"start": start, "end": end},
        columns=["cutoff_code", "cutoff_name", "start_month", "end_month", "report_deadline"],
    )


def compliance_by_uta(cutoff: str | None = None) -> pd.DataFrame:
    """mart_compliance_by_uta rows (UTA1–3, TOTAL, TRANSVERSAL), one cut-off or all."""
    return frame(
        "select * from marts.mart_compliance_by_uta "
        "where (cast(:cutoff as text) is null or cutoff_code = :cutoff) "
        "order by cutoff_code, sort_order",
        {"cutoff": cutoff},
        columns=[
            "cutoff_code",
            "cutoff_name",
            "uta_code",
            "uta_name",
            "expected_activities",
            "reported_activities",
            "compliance_ratio",
            "started_ratio",
            "n_no_iniciada",
            "n_iniciada",
            "n_totalmente_ejecutada",
            "n_not_reported",
            "reporting_entities",
        ],
    )


def compliance_by_entity(cutoff: str, uta: str | None = None, entity: str | None = None):
    """fct_reporting_compliance for one cut-off: expected vs reported per UTA and lead entity."""
    return frame(
        "select c.cutoff_code, c.uta_code, c.entity_code, e.entity_short_name, "
        "c.expected_activities, c.reported_activities, c.n_no_iniciada, c.n_iniciada, "
        "c.n_totalmente_ejecutada, c.compliance_ratio "
        "from marts.fct_reporting_compliance as c join marts.dim_entity as e using (entity_code) "
        "where c.cutoff_code = :cutoff "
        "and (cast(:uta as text) is null or c.uta_code = :uta) "
        "and (cast(:entity as text) is null or c.entity_code = :entity) "
        "order by c.uta_code, e.quorum_order nulls last",
        {"cutoff": cutoff, "uta": uta, "entity": entity},
        columns=[
            "cutoff_code",
            "uta_code",
            "entity_code",
            "entity_short_name",
            "expected_activities",
            "reported_activities",
            "n_no_iniciada",
            "n_iniciada",
            "n_totalmente_ejecutada",
            "compliance_ratio",
        ],
    )


def activities(cutoff: str, uta: str | None = None, entity: str | None = None) -> pd.DataFrame:
    """Activity list with its status at the cut-off (entity = lead or responsible entity)."""
    return frame(
        "select s.activity_code, a.activity_name, s.uta_code, u.uta_label, s.activity_kind, "
        "s.lead_entity_code, e.entity_short_name as lead_entity, a.responsible_entity_codes, "
        "coalesce(s.status, 'no reportada') as status, s.is_reported, s.is_started, "
        "s.progress_note "
        "from marts.fct_activity_status as s "
        "join marts.dim_activity as a using (activity_code) "
        "left join marts.dim_uta as u on u.uta_code = s.uta_code "
        "left join marts.dim_entity as e on e.entity_code = s.lead_entity_code "
        "where s.cutoff_code = :cutoff "
        "and (cast(:uta as text) is null or s.uta_code = :uta) "
        "and (cast(:entity as text) is null or s.lead_entity_code = :entity "
        "     or :entity = any(string_to_array(a.responsible_entity_codes, '|'))) "
        "order by a.sort_order",
        {"cutoff": cutoff, "uta": uta, "entity": entity},
        columns=[
            "activity_code",
            "activity_name",
            "uta_code",
            "uta_label",
            "activity_kind",
            "lead_entity_code",
            "lead_entity",
            "responsible_entity_codes",
            "status",
            "is_reported",
            "is_started",
            "progress_note",
        ],
    )


def barriers(
    cutoff: str | None, uta: str | None, entity: str | None, search: str | None
) -> pd.DataFrame:
    """Barriers and highlighted activities; `search` matches the text (case/accents as typed)."""
    pattern = f"%{search.strip()}%" if search and search.strip() else None
    return frame(
        "select b.cutoff_code, c.cutoff_name, b.uta_code, u.uta_label, b.entity_code, "
        "e.entity_short_name, b.item_kind, b.item_text "
        "from marts.fct_barriers as b "
        "left join marts.dim_cutoff as c using (cutoff_code) "
        "left join marts.dim_uta as u on u.uta_code = b.uta_code "
        "left join marts.dim_entity as e on e.entity_code = b.entity_code "
        "where (cast(:cutoff as text) is null or b.cutoff_code = :cutoff) "
        "and (cast(:uta as text) is null or b.uta_code = :uta) "
        "and (cast(:entity as text) is null or b.entity_code = :entity) "
        "and (cast(:pattern as text) is null or b.item_text ilike :pattern) "
        "order by u.sort_order, b.item_kind, e.quorum_order nulls last",
        {"cutoff": cutoff, "uta": uta, "entity": entity, "pattern": pattern},
        columns=[
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


def goal_progress(uta: str | None = None, entity: str | None = None) -> pd.DataFrame:
    return frame(
        "select g.indicator_code, i.indicator_name, i.uta_code, i.entity_code, i.unit, "
        "g.goal_year, g.goal_value, g.as_of_month, g.current_value, g.progress_ratio "
        "from marts.fct_goal_progress as g join marts.dim_indicator as i using (indicator_code) "
        "where (cast(:uta as text) is null or i.uta_code = :uta) "
        "and (cast(:entity as text) is null or i.entity_code = :entity) "
        "order by i.sort_order",
        {"uta": uta, "entity": entity},
        columns=[
            "indicator_code",
            "indicator_name",
            "uta_code",
            "entity_code",
            "unit",
            "goal_year",
            "goal_value",
            "as_of_month",
            "current_value",
            "progress_ratio",
        ],
    )
