"""An entity delivers a file from the browser: who may deliver for which entity, enforced here,
at the point of loading, whatever the browser sends; then the loader's own checks (load_bytes).

An editor delivers for their own entity only (their user's entity_code, never a value from the
request); an admin for the entity they choose explicitly. A file whose rows or sheet name
another entity is refused, archived like any rejection, and nothing else changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text

from warehouse import audit, build_queue
from warehouse.contracts import EXPORT_KINDS, SECRETARIAT_ENTITY
from warehouse.db import get_engine
from warehouse.intake.archive import Delivery, archive
from warehouse.intake.catalog import load_catalog
from warehouse.intake.inspection import Inspection, archived_content
from warehouse.intake.loader import LoadResult, load_bytes
from warehouse.intake.problems import Problem, file_problem
from warehouse.intake.reader import ReadError, read_table
from warehouse.intake.report import HEADERS as PROBLEM_HEADERS
from warehouse.intake.report import report_rows
from warehouse.intake.validation import detect_kind
from warehouse.schema import ensure_schema_once
from warehouse.secrets import pseudonym_key
from warehouse.settings import Settings, get_settings
from warehouse.users import User

__all__ = ["PROBLEM_HEADERS", "DeliveryOutcome", "DeliveryRefused", "deliver", "report_rows"]
DELIVERING_ROLES = ("admin", "editor")
SUFFIXES = (".csv", ".xlsx")


class DeliveryRefused(PermissionError):
    """The user may not deliver for that entity (message in Spanish)."""


@dataclass
class DeliveryOutcome:
    result: LoadResult
    entity: str
    refused_reason: str | None = None  # another entity's file: why it was refused
    months: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.result.status == "aceptado"


def delivering_entity(user: User, chosen: str | None, settings: Settings | None = None) -> str:
    """The entity this user delivers for: an editor's own (`chosen` is ignored), an admin's
    explicit choice; anyone else may not deliver."""
    if user.role not in DELIVERING_ROLES or not user.is_active:
        raise DeliveryRefused("Su rol no permite entregar información.")
    entities = load_catalog((settings or get_settings()).catalog_dir).entities
    entity = user.entity_code if user.role == "editor" else (chosen or "").strip().upper()
    if not entity:
        raise DeliveryRefused("Elija la entidad por la que entrega el archivo.")
    if entity not in entities:
        raise DeliveryRefused(f"La entidad «{entity}» no está en el catálogo.")
    return entity


def kinds_delivered_by(entity: str, settings: Settings | None = None) -> list[str]:
    """Export kinds the entity delivers (its templates): its indicators, its activities, the
    kinds any entity sends, and those only the Secretaría Técnica sends when it is that one."""
    catalog = load_catalog((settings or get_settings()).catalog_dir)
    kinds = []
    for code, kind in EXPORT_KINDS.items():
        if kind.delivered_by and kind.delivered_by != entity:
            continue
        if code in ("indicator_values", "person_services") and not catalog.indicators_of(entity):
            continue
        if code == "activity_status" and not catalog.activities_of(entity):
            continue
        if code == "product_advance" and not catalog.products_of(entity):
            continue
        if code == "maturity_assessments" and entity != SECRETARIAT_ENTITY:
            continue
        kinds.append(code)
    return kinds


def _foreign_rows(path: Path, data: bytes, entity: str, settings: Settings):
    """(kind, table, problems) for each row or the sheet naming another catalogue entity."""
    try:
        table = read_table(path, data, settings)
    except ReadError:
        return None, None, []  # unreadable: the loader reports it
    kind = detect_kind(table.columns)
    entities = load_catalog(settings.catalog_dir).entities
    problems = []
    sheet = (table.sheet_name or "").strip().upper()
    if sheet in entities and sheet != entity:
        problems.append(
            file_problem(
                f"La hoja «{table.sheet_name}» es de {sheet}, pero usted entrega por {entity}.",
                f"Entregue solo datos de {entity}; {sheet} entrega los suyos.",
            )
        )
    position = table.position(kind.reporter) if kind and kind.reporter else None
    for row, cells in table.records if position is not None else []:
        value = cells[position].strip().upper() if position < len(cells) else ""
        if value in entities and value != entity:
            problems.append(
                Problem(
                    row,
                    kind.reporter,
                    cells[position],
                    f"La fila es de {value}, pero usted entrega por {entity}: un archivo trae "
                    "solo filas de la entidad que lo entrega.",
                    f"Quite la fila; {value} entrega sus cifras en su propio archivo.",
                )
            )
    return kind, table, problems


def _refuse(engine: Engine, path: Path, data: bytes, entity: str, user: User, found, settings):
    """Archive another entity's file as a rejection (like any rejected file); nothing else."""
    kind, table, problems = found
    inspection = Inspection(path.name, kind=kind, table=table, problems=problems)
    content, content_kind = archived_content(
        inspection, data, pseudonym_key(settings), settings.max_file_bytes
    )
    delivery = Delivery(
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content=content,
        content_kind=content_kind,
        kind=kind.code if kind else None,
        entity=entity,
        submitter=user.email,
        status="rechazado",
        row_count=None,
        problems=problems,
        periods=[],
    )
    with engine.begin() as conn:
        delivery_id = archive(conn, delivery)
    named = sorted({p.value.strip().upper() for p in problems if p.row} or {"otra entidad"})
    reason = (
        f"El archivo trae datos de {', '.join(named)}; usted entrega por {entity} y solo puede "
        f"entregar archivos de {entity}. No se cargó nada."
    )
    result = LoadResult(path.name, "rechazado", delivery_id, delivery.kind, 0, problems)
    return DeliveryOutcome(result, entity, refused_reason=reason)


def _contents(engine: Engine, delivery_id: int) -> tuple[list[str], list[str]]:
    """Months (or cut-offs, session dates) and indicators of an accepted delivery."""
    with engine.connect() as conn:
        periods = conn.execute(
            text("select periods from intake.deliveries where delivery_id = :d"),
            {"d": delivery_id},
        ).scalar()
        indicators = conn.execute(
            text(
                "select distinct indicador from raw.indicator_values where batch_id = :d "
                "order by indicador"
            ),
            {"d": delivery_id},
        ).scalars()
        months = sorted({period.rsplit("|", 1)[-1] for period in periods or []})
        return months, list(indicators)


def deliver(
    engine: Engine | None,
    file_name: str,
    data: bytes,
    user: User,
    entity: str | None = None,
    address: str = "",
) -> DeliveryOutcome:
    """Check who delivers for which entity, then load the file (load_bytes: validated, archived,
    all or nothing); audit it, and queue a build when it was accepted."""
    settings = get_settings()
    engine = engine or get_engine()
    ensure_schema_once(engine)
    entity = delivering_entity(user, entity, settings)
    path = Path(Path(file_name or "archivo").name)
    found = _foreign_rows(path, data, entity, settings)
    if found[2]:
        outcome = _refuse(engine, path, data, entity, user, found, settings)
    else:
        result = load_bytes(engine, path, data, submitter=user.email, entity=entity)
        outcome = DeliveryOutcome(result, entity)
        if outcome.accepted and result.delivery_id:
            outcome.months, outcome.indicators = _contents(engine, result.delivery_id)
    result = outcome.result
    detail = (
        f"entidad {entity}; archivo {path.name}; estado {result.status}; entrega "
        f"{result.delivery_id or result.duplicate_of or '—'}; filas {result.row_count}"
    )
    event = "entrega rehusada (otra entidad)" if outcome.refused_reason else "entrega"
    audit.record(engine, user.email, event, detail, address)
    if outcome.accepted:
        build_queue.request_build(engine, user.email, f"entrega {result.delivery_id}")
    return outcome


def template(
    engine: Engine | None, kind: str, user: User, entity: str | None = None, address: str = ""
) -> tuple[str, bytes]:
    """(file name, XLSX bytes) of the template of `kind` for the user's delivering entity
    (`tablero template KIND --entity`); audited as a download."""
    from tempfile import TemporaryDirectory

    from warehouse.intake.templates import write_template

    entity = delivering_entity(user, entity)
    if kind not in kinds_delivered_by(entity):
        raise DeliveryRefused(f"{entity} no entrega la plantilla «{kind}».")
    name = f"plantilla_{kind}_{entity}.xlsx"
    with TemporaryDirectory() as folder:
        data = write_template(kind, Path(folder) / name, entity).read_bytes()
    audit.record(engine, user.email, "descarga", f"plantilla {kind} de {entity}", address)
    return name, data
