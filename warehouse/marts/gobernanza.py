"""Gobernanza queries on the marts: committee quorum and attendance, governance maturity."""

from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.marts.query import frame as _frame


def session_quorum() -> pd.DataFrame:
    """One row per committee session, delivered list or run from the dashboard: members,
    attending, ratio, quorum and origin (latest first). A live view: marks show at once."""
    return _frame(
        "select session_date, session_origin, quorum_share, member_entities, attending_entities, "
        "attendance_ratio, quorum_required, has_quorum from marts.mart_governance_quorum "
        "order by session_date desc"
    )


def session_attendance(session_date: date) -> pd.DataFrame:
    """The quorum list of one session: every member entity in quorum order, attended or not."""
    return _frame(
        "select s.session_date, s.entity_code, e.entity_name, e.entity_short_name, s.attended "
        "from marts.mart_governance_attendance s join marts.dim_entity e using (entity_code) "
        "where s.session_date = :session order by e.quorum_order",
        {"session": session_date},
    )


def maturity_domains() -> pd.DataFrame:
    """The six MGI domains with their descriptions and number of criteria."""
    return _frame(
        "select domain_code, domain_name, domain_description, criteria_count "
        "from marts.dim_maturity_domain order by sort_order"
    )


def maturity_levels() -> pd.DataFrame:
    """The project's maturity scale: level name and score range (0–1), lowest first."""
    return _frame(
        "select level_code, level_name, min_score, max_score from marts.dim_maturity_level "
        "order by min_score"
    )


def maturity_by_domain(start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Maturity score (0–1) and level per assessment month and domain, oldest month first."""
    return _frame(
        "select g.assessment_month, g.domain_code, g.domain_name, g.criteria_count, "
        "g.assessed_criteria, g.score, g.level_code, g.level_name "
        "from marts.fct_governance_maturity g join marts.dim_maturity_domain d using (domain_code) "
        "where (cast(:start as date) is null or g.assessment_month >= :start) "
        "and (cast(:end as date) is null or g.assessment_month <= :end) "
        "order by g.assessment_month, d.sort_order",
        {"start": start, "end": end},
    )
