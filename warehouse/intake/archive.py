"""The intake archive: one intake.deliveries row per received file, and supersession of periods."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, text

from warehouse.intake.problems import Problem


@dataclass
class Delivery:
    file_name: str
    sha256: str
    size: int
    content: bytes
    content_kind: str
    kind: str | None
    entity: str | None
    submitter: str | None
    status: str
    row_count: int | None
    problems: list[Problem]
    periods: list[str]
    received_at: datetime | None = None  # None: now()


def find_identical(conn: Connection, sha: str) -> int | None:
    """Delivery id of an accepted (or since superseded) file with the same bytes."""
    return conn.execute(
        text(
            "select delivery_id from intake.deliveries where file_sha256 = :sha "
            "and status in ('aceptado', 'reemplazado') order by delivery_id limit 1"
        ),
        {"sha": sha},
    ).scalar()


def archive(conn: Connection, delivery: Delivery) -> int:
    return conn.execute(
        text(
            "insert into intake.deliveries (file_name, file_sha256, file_size, content, "
            "content_kind, kind, entity_code, submitter, status, row_count, error_report, "
            "periods, received_at) values (:name, :sha, :size, :content, :content_kind, :kind, "
            ":entity, :submitter, :status, :rows, cast(:report as jsonb), :periods, "
            "coalesce(cast(:received_at as timestamptz), now())) returning delivery_id"
        ),
        {
            "name": delivery.file_name.replace("\x00", "�"),
            "sha": delivery.sha256,
            "size": delivery.size,
            "content": delivery.content,
            "content_kind": delivery.content_kind,
            "kind": delivery.kind,
            "entity": delivery.entity,
            "submitter": delivery.submitter and delivery.submitter.replace("\x00", "�"),
            "status": delivery.status,
            "rows": delivery.row_count,
            # jsonb refuses \u0000 (a NUL read from a damaged header, say): never fail to archive
            "report": json.dumps(
                [p.as_dict() for p in delivery.problems], ensure_ascii=False
            ).replace("\\u0000", "�"),
            "periods": delivery.periods,
            "received_at": delivery.received_at,
        },
    ).scalar_one()


def lock_entity_kind(conn: Connection, entity: str | None, kind: str) -> None:
    """Serialise loads of the same entity and kind so supersession is decided in order."""
    conn.execute(
        text("select pg_advisory_xact_lock(hashtext(:k))"), {"k": f"intake:{entity}:{kind}"}
    )


def supersede(conn: Connection, delivery_id: int, delivery: Delivery) -> int | None:
    """Link the new delivery to the latest earlier one it corrects (same entity, kind and at
    least one common period); earlier deliveries whose periods are all covered become
    'reemplazado'. Their raw rows stay (history); dbt keeps the newest per period."""
    if not delivery.periods or delivery.kind is None or delivery.entity is None:
        return None  # only ever the same entity's earlier deliveries
    params = {
        "id": delivery_id,
        "entity": delivery.entity,
        "kind": delivery.kind,
        "periods": delivery.periods,
    }
    same = (
        "kind = :kind and entity_code = :entity and delivery_id <> :id "
        "and status in ('aceptado', 'reemplazado')"
    )
    previous = conn.execute(
        text(
            f"select max(delivery_id) from intake.deliveries where {same} "
            "and periods && cast(:periods as text[])"
        ),
        params,
    ).scalar()
    if previous is None:
        return None
    conn.execute(
        text(
            "update intake.deliveries set supersedes_delivery_id = :previous "
            "where delivery_id = :id"
        ),
        {**params, "previous": previous},
    )
    conn.execute(
        text(
            f"update intake.deliveries set status = 'reemplazado' where {same} "
            "and status = 'aceptado' and periods <@ cast(:periods as text[])"
        ),
        params,
    )
    return previous


def indicator_history(
    conn: Connection, entity: str, indicators: list[str]
) -> dict[tuple[str, str, str, str], dict[date, Decimal]]:
    """The entity's values per series (indicator, locality code, sex, age group) and month, as
    its latest accepted delivery of each month says: the reference for jump warnings."""
    rows = conn.execute(
        text(
            "select distinct on (r.indicador, r.localidad_codigo, s, g, r.mes) "
            "r.indicador, r.localidad_codigo, s, g, r.mes, r.valor "
            "from raw.indicator_values r join intake.deliveries d on d.delivery_id = r.batch_id "
            "cross join lateral (select coalesce(nullif(lower(r.sexo), ''), 'total') as s, "
            "coalesce(nullif(lower(r.grupo_edad), ''), 'total') as g) c "
            "where d.status in ('aceptado', 'reemplazado') and d.entity_code = :entity "
            "and r.indicador = any(:indicators) and r.localidad_codigo is not null "
            "order by r.indicador, r.localidad_codigo, s, g, r.mes, r.batch_id desc"
        ),
        {"entity": entity, "indicators": indicators},
    )
    history: dict[tuple[str, str, str, str], dict[date, Decimal]] = defaultdict(dict)
    for indicator, locality, sex, age, month, value in rows:
        history[(indicator, locality, sex, age)][month] = value
    return dict(history)
