"""The technical secretariat's review of deliveries (as DHIS2's data approval): every accepted
delivery starts «recibido»; an admin marks it «validado», or «devuelto» with a reason the entity
reads. Decisions are appended to intake.delivery_reviews (never updated) and audited.

The portal reads the intake live here (a delivery is «recibido» the moment it is loaded, before
any build); the dashboards read the review state from the marts (mart_deliveries).
"""

from __future__ import annotations

import json
from pathlib import Path
from tempfile import TemporaryDirectory

import pandas as pd
from sqlalchemy import Engine, text
from sqlalchemy.exc import ProgrammingError

from warehouse import audit, build_queue
from warehouse.db import get_engine
from warehouse.intake.problems import Problem
from warehouse.intake.report import write_report
from warehouse.schema import ensure_schema_once
from warehouse.users import User

STATES = ("recibido", "validado", "devuelto")
REVIEWABLE = ("aceptado", "reemplazado")  # files that loaded rows
HISTORY_COLUMNS = [
    "delivery_id",
    "entity_code",
    "file_name",
    "kind",
    "received_at",
    "submitter",
    "status",
    "row_count",
    "problem_count",
    "periods",
    "review_state",
    "review_reason",
    "reviewed_at",
    "reviewer",
]
_HISTORY_SQL = """
select d.delivery_id, d.entity_code, d.file_name, d.kind, d.received_at, d.submitter, d.status,
    d.row_count, jsonb_array_length(coalesce(d.error_report, '[]'::jsonb)) as problem_count,
    d.periods,
    case when d.status in ('aceptado', 'reemplazado') then coalesce(r.state, 'recibido') end
        as review_state,
    r.reason as review_reason, r.reviewed_at, r.reviewer
from intake.deliveries as d
left join lateral (
    select state, reason, reviewed_at, reviewer from intake.delivery_reviews as x
    where x.delivery_id = d.delivery_id order by x.review_id desc limit 1
) as r on true
where (cast(:entity as text) is null or d.entity_code = :entity)
    and (cast(:state as text) is null
        or (d.status in ('aceptado', 'reemplazado') and coalesce(r.state, 'recibido') = :state))
order by d.delivery_id desc
limit :limit
"""


class ReviewError(ValueError):
    """A refused review (message in Spanish)."""


def history(
    engine: Engine | None = None,
    entity: str | None = None,
    state: str | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """Deliveries (newest first) with their review state: one entity's, or all (entity None);
    `state` keeps the accepted ones in that review state."""
    engine = engine or get_engine()
    try:  # read-only: no DDL on this path (it runs every few seconds)
        with engine.connect() as conn:
            rows = conn.execute(
                text(_HISTORY_SQL), {"entity": entity, "state": state, "limit": limit}
            ).all()
    except ProgrammingError:  # a warehouse older than the portal: nothing delivered through it
        rows = []
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


def review(
    engine: Engine | None,
    delivery_id: int,
    state: str,
    reason: str,
    user: User,
    address: str = "",
) -> None:
    """Record an admin's decision on an accepted delivery; audited; queues a build."""
    engine = engine or get_engine()
    ensure_schema_once(engine)
    reason = (reason or "").strip()
    if user.role != "admin" or not user.is_active:
        raise ReviewError("Solo la Secretaría Técnica (administración) revisa entregas.")
    if state not in ("validado", "devuelto"):
        raise ReviewError(f"Estado de revisión no válido: «{state}».")
    if state == "devuelto" and not reason:
        raise ReviewError("Escriba el motivo de la devolución: la entidad lo verá.")
    with engine.begin() as conn:
        found = conn.execute(
            text(
                "select status, entity_code from intake.deliveries where delivery_id = :d "
                "for update"
            ),
            {"d": delivery_id},
        ).first()
        if found is None or found.status not in REVIEWABLE:
            raise ReviewError(f"La entrega {delivery_id} no es una entrega aceptada.")
        conn.execute(
            text(
                "insert into intake.delivery_reviews (delivery_id, state, reason, reviewer) "
                "values (:d, :state, :reason, :who)"
            ),
            {"d": delivery_id, "state": state, "reason": reason[:2000] or None, "who": user.email},
        )
    detail = f"entrega {delivery_id} de {found.entity_code}" + (f": {reason}" if reason else "")
    audit.record(engine, user.email, f"entrega {state}", detail, address)
    build_queue.request_build(engine, user.email, f"revisión de la entrega {delivery_id}")


def problem_report(
    engine: Engine | None, delivery_id: int, user: User, address: str = ""
) -> tuple[str, bytes]:
    """(file name, XLSX bytes) of a delivery's problems, as `tablero check --report` writes
    them; an editor gets only their own entity's. Audited as a download."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "select file_name, entity_code, error_report from intake.deliveries "
                "where delivery_id = :d"
            ),
            {"d": delivery_id},
        ).first()
    if row is None or user.role not in ("admin", "editor"):
        raise ReviewError("Entrega no disponible.")
    if user.role == "editor" and row.entity_code != user.entity_code:
        raise ReviewError("Entrega no disponible.")
    report = row.error_report if isinstance(row.error_report, list) else []
    if isinstance(row.error_report, str):
        report = json.loads(row.error_report)
    problems = [Problem(**item) for item in report]
    name = f"revision_{Path(row.file_name).stem}.xlsx"
    with TemporaryDirectory() as folder:
        path = write_report(problems, Path(folder) / name, row.file_name)
        data = path.read_bytes()
    audit.record(
        engine, user.email, "descarga", f"reporte de problemas de la entrega {delivery_id}", address
    )
    return name, data
