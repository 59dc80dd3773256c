"""Committee sessions run from the dashboard: create a session with its agenda, mark attendance
live, read both back. Writes go to the `committee` schema (warehouse/sql/committee.sql); the
attendance and quorum the app shows come from the live dbt views mart_committee_attendance and
mart_committee_quorum (the quorum rule is dbt's). Every write is audited; ids and codes from the
browser are checked here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, text

from warehouse import audit
from warehouse.db import get_engine
from warehouse.marts.query import frame
from warehouse.schema import ensure_schema_once

KINDS = {"ordinaria": "Ordinaria", "extraordinaria": "Extraordinaria"}
AGENDA_KINDS = {
    "quorum": "Verificación del quórum",
    "instalacion": "Instalación de la sesión",
    "madurez": "Madurez de la gobernanza",
    "tablero": "Tablero de control",
    "seguimiento_uta": "Seguimiento",
    "centros_integrate": "Centros Intégrate",
    "varios": "Proposiciones y varios",
    "vista": "Vista libre",
}
MAX_TEXT = 200


class CommitteeError(ValueError):
    """A request the committee service refuses; the message is Spanish, for the person."""


@dataclass(frozen=True)
class Session:
    session_id: int
    session_date: date
    kind: str
    place: str
    cutoff_code: str | None
    quorum_share: float


@dataclass(frozen=True)
class AgendaItem:
    position: int
    kind: str
    title: str
    presenter_entity: str | None
    uta_code: str | None
    view_path: str | None


def _clean(value: object, field: str) -> str:
    value = " ".join(str(value or "").split())
    if len(value) > MAX_TEXT:
        raise CommitteeError(f"{field}: como máximo {MAX_TEXT} caracteres.")
    return value


def default_agenda(utas: list[tuple[str, str]]) -> list[AgendaItem]:
    """The deck's order: quórum, instalación, madurez, tablero, one follow-up per UTA
    (code, label), Centros Intégrate, varios."""
    items = [
        ("quorum", AGENDA_KINDS["quorum"], None, None),
        ("instalacion", AGENDA_KINDS["instalacion"], None, None),
        ("madurez", AGENDA_KINDS["madurez"], None, "/gobernanza"),
        ("tablero", AGENDA_KINDS["tablero"], None, "/"),
        *(("seguimiento_uta", f"Seguimiento {label}", code, "/") for code, label in utas),
        ("centros_integrate", AGENDA_KINDS["centros_integrate"], None, None),
        ("varios", AGENDA_KINDS["varios"], None, None),
    ]
    return [
        AgendaItem(n, kind, title, None, uta, path)
        for n, (kind, title, uta, path) in enumerate(items, start=1)
    ]


def create_session(
    *,
    session_date: date | None,
    kind: str,
    place: str,
    cutoff_code: str | None,
    created_by: str,
    engine: Engine | None = None,
) -> int:
    """A new session with the default agenda; returns its id."""
    engine = engine or get_engine()
    ensure_schema_once(engine)
    if not isinstance(session_date, date):
        raise CommitteeError("Fecha: indique la fecha de la sesión (dd/mm/aaaa).")
    if kind not in KINDS:
        raise CommitteeError("Tipo: elija ordinaria o extraordinaria.")
    place = _clean(place, "Lugar")
    cutoffs = set(frame("select cutoff_code from marts.dim_cutoff")["cutoff_code"])
    if cutoff_code is not None and cutoff_code not in cutoffs:
        raise CommitteeError(f"Corte: «{_clean(cutoff_code, 'Corte')}» no es un corte conocido.")
    utas = frame("select uta_code, uta_label from marts.dim_uta order by sort_order")
    agenda = default_agenda(list(utas.itertuples(index=False, name=None)))
    with engine.begin() as conn:
        session_id = conn.execute(
            text(
                "insert into committee.sessions (session_date, kind, place, cutoff_code, "
                "created_by) values (:d, :k, :p, :c, :by) returning session_id"
            ),
            {"d": session_date, "k": kind, "p": place, "c": cutoff_code, "by": created_by},
        ).scalar_one()
        conn.execute(
            text(
                "insert into committee.agenda_items (session_id, position, kind, title, "
                "presenter_entity, uta_code, view_path) values (:s, :n, :k, :t, :e, :u, :v)"
            ),
            [
                {"s": session_id, "n": i.position, "k": i.kind, "t": i.title,
                 "e": i.presenter_entity, "u": i.uta_code, "v": i.view_path}
                for i in agenda
            ],
        )  # fmt: skip
    audit.record(engine, created_by, "sesion_creada", f"sesión {session_id} del {session_date}")
    return int(session_id)


_SESSION_COLUMNS = (
    "session_id, session_date, kind, place, cutoff_code, quorum_share::float "
    "from committee.sessions"
)


def sessions(engine: Engine | None = None) -> list[Session]:
    """Newest first."""
    engine = engine or get_engine()
    ensure_schema_once(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text(f"select {_SESSION_COLUMNS} order by session_date desc, session_id desc")
        ).all()
    return [Session(*row) for row in rows]


def session(session_id: object, engine: Engine | None = None) -> Session | None:
    """The session with that id, or None for anything else (ids come from the browser)."""
    try:
        wanted = int(str(session_id))
    except (TypeError, ValueError):
        return None
    engine = engine or get_engine()
    ensure_schema_once(engine)
    with engine.connect() as conn:
        row = conn.execute(
            text(f"select {_SESSION_COLUMNS} where session_id = :s"), {"s": wanted}
        ).first()
    return Session(*row) if row else None


def agenda(session_id: int, engine: Engine | None = None) -> list[AgendaItem]:
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(
            text(
                "select position, kind, title, presenter_entity, uta_code, view_path "
                "from committee.agenda_items where session_id = :s order by position"
            ),
            {"s": session_id},
        ).all()
    return [AgendaItem(*row) for row in rows]


def attendance(session_id: int) -> pd.DataFrame:
    """Member entities with their latest mark (marts.mart_committee_attendance, live)."""
    return frame(
        "select a.entity_code, a.entity_name, a.attendance, a.delegate_name, a.delegate_role "
        "from marts.mart_committee_attendance a "
        "left join marts.dim_entity e on e.entity_code = a.entity_code "
        "where a.session_id = :s order by e.quorum_order nulls last, a.entity_name",
        {"s": session_id},
        columns=["entity_code", "entity_name", "attendance", "delegate_name", "delegate_role"],
    )


def quorum(session_id: int) -> dict | None:
    """marts.mart_committee_quorum's row for the session (the rule is dbt's), or None."""
    rows = frame(
        "select member_entities, attending_entities, unmarked_entities, quorum_required, "
        "has_quorum from marts.mart_committee_quorum where session_id = :s",
        {"s": session_id},
    )
    return None if rows.empty else rows.iloc[0].to_dict()


def mark_attendance(
    session_id: int,
    entity_code: str,
    attends: bool,
    *,
    delegate_name: str = "",
    delegate_role: str = "",
    marked_by: str,
    engine: Engine | None = None,
) -> bool:
    """Record a mark unless it repeats the entity's current one; True when written."""
    engine = engine or get_engine()
    current = attendance(session_id)
    row = current[current["entity_code"] == entity_code]
    if row.empty:
        raise CommitteeError("Esa entidad no es miembro del comité para esta sesión.")
    name, role = _clean(delegate_name, "Delegado"), _clean(delegate_role, "Cargo")
    now = row.iloc[0]
    state = "asiste" if attends else "no asiste"
    if (now["attendance"], now["delegate_name"] or "", now["delegate_role"] or "") == (
        state, name, role,
    ):  # fmt: skip
        return False
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into committee.attendance_marks (session_id, entity_code, attends, "
                "delegate_name, delegate_role, marked_by) values (:s, :e, :a, :n, :r, :by)"
            ),
            {"s": session_id, "e": entity_code, "a": attends, "n": name or None,
             "r": role or None, "by": marked_by},
        )  # fmt: skip
    audit.record(engine, marked_by, "asistencia", f"sesión {session_id}: {entity_code} {state}")
    return True


def set_presenter(
    session_id: int,
    position: object,
    entity_code: str | None,
    *,
    changed_by: str,
    engine: Engine | None = None,
) -> bool:
    """The member entity that presents an agenda item (None: nobody named); True when changed."""
    engine = engine or get_engine()
    items = {item.position: item for item in agenda(session_id, engine)}
    try:
        item = items[int(str(position))]
    except (KeyError, ValueError):
        raise CommitteeError("Ese punto no está en el orden del día de la sesión.") from None
    entity_code = entity_code or None
    members = set(attendance(session_id)["entity_code"])
    if entity_code is not None and entity_code not in members:
        raise CommitteeError("Presenta: elija una entidad miembro del comité.")
    if entity_code == item.presenter_entity:
        return False
    with engine.begin() as conn:
        conn.execute(
            text(
                "update committee.agenda_items set presenter_entity = :e "
                "where session_id = :s and position = :n"
            ),
            {"e": entity_code, "s": session_id, "n": item.position},
        )
    audit.record(
        engine, changed_by, "orden_del_dia",
        f"sesión {session_id}, punto {item.position}: presenta {entity_code or 'nadie'}",
    )  # fmt: skip
    return True
