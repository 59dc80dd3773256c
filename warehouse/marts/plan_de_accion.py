"""Plan de acción queries on the marts: cut-offs, reporting compliance and activity statuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from warehouse.marts.query import frame as _frame
from warehouse.text import fold

UTA_CODES = ("UTA1", "UTA2", "UTA3", "TRANSVERSAL")
STATUSES = ("no iniciada", "iniciada", "totalmente ejecutada")


@dataclass(frozen=True)
class Cutoff:
    cutoff_code: str
    cutoff_name: str
    start_month: date
    end_month: date
    report_deadline: date | None


def normalize_text(value: str) -> str:
    """Case-, accent- and dash-insensitive form: 'Enero-Mayo 2024' == 'enero–mayo 2024'."""
    plain = fold(value)
    for dash in ("\u2013", "\u2014", "\u2212", "_"):
        plain = plain.replace(dash, "-")
    plain = " ".join(plain.replace("-", " - ").split())
    return plain.replace(" - ", "-")


# The counts and ratio every compliance mart carries (fct_reporting_compliance,
# mart_compliance_by_entity).
COMPLIANCE_COLUMNS = (
    "expected_activities",
    "reported_activities",
    "n_no_iniciada",
    "n_iniciada",
    "n_totalmente_ejecutada",
    "n_not_reported",
    "compliance_ratio",
)


def cutoffs() -> list[Cutoff]:
    """All follow-up cut-offs in chronological order."""
    frame = _frame(
        "select cutoff_code, cutoff_name, start_month, end_month, report_deadline "
        "from marts.dim_cutoff order by sort_order, cutoff_code"
    )
    return [Cutoff(**row) for row in frame.to_dict("records")]


def cutoffs_in_period(start: date, end: date) -> pd.DataFrame:
    """Cut-offs overlapping the period, latest first."""
    return _frame(
        "select cutoff_code, cutoff_name, start_month, end_month, report_deadline "
        "from marts.dim_cutoff where start_month <= :end and end_month >= :start "
        "order by end_month desc",
        {"start": start, "end": end},
        columns=["cutoff_code", "cutoff_name", "start_month", "end_month", "report_deadline"],
    )


def resolve_cutoff(name_or_code: str) -> Cutoff | None:
    """The cut-off whose code (2024-C1) or name ("enero–mayo 2024") matches, any case/accents."""
    wanted = normalize_text(name_or_code)
    for cutoff in cutoffs():
        if wanted in (normalize_text(cutoff.cutoff_code), normalize_text(cutoff.cutoff_name)):
            return cutoff
    return None


def compliance_by_uta(cutoff_code: str | None, uta_code: str | None = None) -> pd.DataFrame:
    """The deck's table per cut-off (all cut-offs when None): UTA1–3, TOTAL and TRANSVERSAL."""
    return _frame(
        "select m.cutoff_code, m.cutoff_name, m.uta_code, m.uta_name, "
        "coalesce(u.uta_label, m.uta_name) as uta_label, m.expected_activities, "
        "m.entity_activities, m.intersectoral_activities, m.reported_activities, "
        "m.compliance_ratio, m.started_activities, m.started_ratio, m.n_no_iniciada, "
        "m.n_iniciada, m.n_totalmente_ejecutada, m.n_not_reported, m.reporting_entities "
        "from marts.mart_compliance_by_uta m left join marts.dim_uta u using (uta_code) "
        "where (cast(:cutoff as text) is null or m.cutoff_code = :cutoff) "
        "and (cast(:uta as text) is null or m.uta_code = :uta) "
        "order by m.cutoff_code, m.sort_order",
        {"cutoff": cutoff_code, "uta": uta_code},
        columns=[
            "cutoff_code",
            "cutoff_name",
            "uta_code",
            "uta_name",
            "uta_label",
            "expected_activities",
            "entity_activities",
            "intersectoral_activities",
            "reported_activities",
            "compliance_ratio",
            "started_activities",
            "started_ratio",
            "n_no_iniciada",
            "n_iniciada",
            "n_totalmente_ejecutada",
            "n_not_reported",
            "reporting_entities",
        ],
    )


def reporting_entities(cutoff_code: str, uta_code: str) -> list[str]:
    """Short names of the entities that reported for a UTA (or TOTAL) and cut-off, quorum order."""
    frame = compliance_by_uta(cutoff_code, uta_code)
    if frame.empty or not frame.at[0, "reporting_entities"]:
        return []
    return [name.strip() for name in frame.at[0, "reporting_entities"].split(",")]


def compliance_by_entity(
    cutoff_code: str, uta_code: str | None = None, entity_code: str | None = None
) -> pd.DataFrame:
    """Compliance per UTA and lead entity for one cut-off, in UTA and quorum order."""
    return _frame(
        "select c.cutoff_code, c.uta_code, c.entity_code, e.entity_short_name, "
        "c.expected_activities, c.reported_activities, c.n_no_iniciada, c.n_iniciada, "
        "c.n_totalmente_ejecutada, c.n_not_reported, c.compliance_ratio "
        "from marts.fct_reporting_compliance c "
        "left join marts.dim_entity e using (entity_code) "
        "where c.cutoff_code = :cutoff and (cast(:uta as text) is null or c.uta_code = :uta) "
        "and (cast(:entity as text) is null or c.entity_code = :entity) "
        "order by c.uta_code, e.quorum_order nulls last",
        {"cutoff": cutoff_code, "uta": uta_code, "entity": entity_code},
        columns=[
            "cutoff_code",
            "uta_code",
            "entity_code",
            "entity_short_name",
            *COMPLIANCE_COLUMNS,
        ],
    )


def compliance_by_lead_entity(
    cutoff_code: str, uta_code: str | None = None, entity_code: str | None = None
) -> pd.DataFrame:
    """Compliance per lead entity for one cut-off, within the UTA (over every UTA, TRANSVERSAL
    included, when None): mart_compliance_by_entity, in its display order."""
    return _frame(
        "select m.cutoff_code, m.uta_scope, m.entity_code, m.entity_short_name, "
        "m.expected_activities, m.reported_activities, m.n_no_iniciada, m.n_iniciada, "
        "m.n_totalmente_ejecutada, m.n_not_reported, m.compliance_ratio "
        "from marts.mart_compliance_by_entity m "
        "where m.cutoff_code = :cutoff and m.uta_scope = coalesce(cast(:uta as text), 'ALL') "
        "and (cast(:entity as text) is null or m.entity_code = :entity) "
        "order by m.sort_order",
        {"cutoff": cutoff_code, "uta": uta_code, "entity": entity_code},
        columns=[
            "cutoff_code",
            "uta_scope",
            "entity_code",
            "entity_short_name",
            *COMPLIANCE_COLUMNS,
        ],
    )


ACTIVITY_COLUMNS = [
    "cutoff_code",
    "cutoff_name",
    "uta_code",
    "uta_label",
    "activity_code",
    "activity_name",
    "activity_kind",
    "lead_entity_code",
    "lead_entity_short_name",
    "responsible_entity_codes",
    "reporting_entity_code",
    "reporting_entity_short_name",
    "status",
    "is_reported",
    "is_started",
    "progress_note",
]


def activities(
    cutoff_code: str | None = None,
    uta_code: str | None = None,
    entity_code: str | None = None,
    status: str | None = None,
    reported: bool | None = None,
) -> pd.DataFrame:
    """Activities with their status per cut-off.

    `entity_code` matches the lead, any responsible or the reporting entity; `status` is one of
    STATUSES; `reported=False` lists the activities nobody reported.
    """
    return _frame(
        "select f.cutoff_code, d.cutoff_name, f.uta_code, "
        "coalesce(u.uta_label, f.uta_code) as uta_label, f.activity_code, a.activity_name, "
        "f.activity_kind, f.lead_entity_code, le.entity_short_name as lead_entity_short_name, "
        "a.responsible_entity_codes, f.reporting_entity_code, "
        "re.entity_short_name as reporting_entity_short_name, f.status, f.is_reported, "
        "f.is_started, f.progress_note "
        "from marts.fct_activity_status f "
        "join marts.dim_activity a using (activity_code) "
        "join marts.dim_cutoff d using (cutoff_code) "
        "left join marts.dim_uta u on u.uta_code = f.uta_code "
        "left join marts.dim_entity le on le.entity_code = f.lead_entity_code "
        "left join marts.dim_entity re on re.entity_code = f.reporting_entity_code "
        "where (cast(:cutoff as text) is null or f.cutoff_code = :cutoff) "
        "and (cast(:uta as text) is null or f.uta_code = :uta) "
        "and (cast(:entity as text) is null or f.lead_entity_code = :entity "
        "or f.reporting_entity_code = :entity "
        "or :entity = any(string_to_array(a.responsible_entity_codes, '|'))) "
        "and (cast(:status as text) is null or f.status = :status) "
        "and (cast(:reported as boolean) is null or f.is_reported = :reported) "
        "order by d.sort_order, a.sort_order",
        {
            "cutoff": cutoff_code,
            "uta": uta_code,
            "entity": entity_code,
            "status": status,
            "reported": reported,
        },
        columns=ACTIVITY_COLUMNS,
    )


def not_reported(cutoff_code: str, uta_code: str | None = None) -> pd.DataFrame:
    """Activities expected in the cut-off with no status, and the entity that leads each."""
    return activities(cutoff_code=cutoff_code, uta_code=uta_code, reported=False)
