"""Committee sessions on the warehouse (warehouse/committee.py): validation of what the browser
sends, live attendance and the quorum of dbt's live views against plain SQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from warehouse import committee

BY = "secretaria@prueba.gov.co"


def _members(engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "select entity_code from marts.dim_entity where is_committee_member "
                    "order by entity_code"
                )
            ).scalars()
        )


def _quorum_by_sql(engine, session_id: int) -> tuple[int, int, bool]:
    """The rule written out again: latest mark per member; quorum = more than half attend."""
    with engine.connect() as conn:
        members, attending = conn.execute(
            text(
                "with latest as (select distinct on (entity_code) entity_code, attends "
                "from committee.attendance_marks where session_id = :s "
                "order by entity_code, mark_id desc) "
                "select count(*), count(*) filter (where latest.attends) "
                "from marts.dim_entity e left join latest using (entity_code) "
                "where e.is_committee_member"
            ),
            {"s": session_id},
        ).one()
    return members, attending, attending * 2 > members


def test_bad_requests_are_refused_in_spanish(built_warehouse):
    with pytest.raises(committee.CommitteeError, match="Fecha"):
        committee.create_session(
            session_date=None, kind="ordinaria", place="", cutoff_code=None, created_by=BY
        )
    with pytest.raises(committee.CommitteeError, match="Tipo"):
        committee.create_session(
            session_date=date(2026, 3, 1), kind="secreta", place="", cutoff_code=None,
            created_by=BY,
        )  # fmt: skip
    with pytest.raises(committee.CommitteeError, match="no es un corte conocido"):
        committee.create_session(
            session_date=date(2026, 3, 1), kind="ordinaria", place="", cutoff_code="'; drop",
            created_by=BY,
        )  # fmt: skip
    assert committee.session("1 or 1=1") is None and committee.session(None) is None


def test_attendance_and_quorum_follow_the_latest_marks(built_warehouse):
    session_id = committee.create_session(
        session_date=date(2026, 6, 18), kind="ordinaria", place="Sala Bogotá",
        cutoff_code=None, created_by=BY,
    )  # fmt: skip
    items = committee.agenda(session_id)
    kinds = [item.kind for item in items]
    assert kinds[:4] == ["quorum", "instalacion", "madurez", "tablero"]
    assert kinds[-2:] == ["centros_integrate", "varios"]
    with built_warehouse.connect() as conn:
        utas = conn.execute(text("select count(*) from marts.dim_uta")).scalar()
    assert kinds.count("seguimiento_uta") == utas

    members = _members(built_warehouse)
    with pytest.raises(committee.CommitteeError, match="no es miembro"):
        committee.mark_attendance(session_id, "NO_EXISTE", True, marked_by=BY)
    assert committee.quorum(session_id)["attending_entities"] == 0

    half = len(members) // 2
    for code in members[:half]:
        assert committee.mark_attendance(session_id, code, True, marked_by=BY)
    numbers = committee.quorum(session_id)
    assert not numbers["has_quorum"]
    assert (numbers["member_entities"], numbers["attending_entities"], False) == _quorum_by_sql(
        built_warehouse, session_id
    )
    # the same mark again writes nothing; a change of mind is a new row and the latest counts
    assert not committee.mark_attendance(session_id, members[0], True, marked_by=BY)
    committee.mark_attendance(session_id, members[0], False, marked_by=BY)
    for code in members[half:]:
        committee.mark_attendance(
            session_id, code, True, delegate_name="Ana Pérez", delegate_role="Asesora",
            marked_by=BY,
        )  # fmt: skip
    numbers = committee.quorum(session_id)
    expected = _quorum_by_sql(built_warehouse, session_id)
    assert (numbers["member_entities"], numbers["attending_entities"]) == expected[:2]
    assert bool(numbers["has_quorum"]) == expected[2] is True
    assert numbers["quorum_required"] == len(members) // 2 + 1
    attendance = committee.attendance(session_id).set_index("entity_code")
    assert attendance.loc[members[0], "attendance"] == "no asiste"
    assert attendance.loc[members[-1], "delegate_name"] == "Ana Pérez"
    with built_warehouse.connect() as conn:
        logged = conn.execute(
            text("select count(*) from auth.events where event = 'asistencia' and detail like :d"),
            {"d": f"sesión {session_id}:%"},
        ).scalar()
    assert logged == len(members) + 1


def test_a_member_presents_an_agenda_item(built_warehouse):
    session_id = committee.create_session(
        session_date=date(2026, 9, 17), kind="extraordinaria", place="", cutoff_code=None,
        created_by=BY,
    )  # fmt: skip
    member = _members(built_warehouse)[0]
    with pytest.raises(committee.CommitteeError, match="no está en el orden del día"):
        committee.set_presenter(session_id, "99", member, changed_by=BY)
    with pytest.raises(committee.CommitteeError, match="entidad miembro"):
        committee.set_presenter(session_id, 4, "NO_EXISTE", changed_by=BY)
    assert committee.set_presenter(session_id, 4, member, changed_by=BY)
    assert not committee.set_presenter(session_id, 4, member, changed_by=BY)  # no change
    assert committee.agenda(session_id)[3].presenter_entity == member
    assert committee.set_presenter(session_id, 4, None, changed_by=BY)
    assert committee.agenda(session_id)[3].presenter_entity is None


def test_a_live_session_reaches_the_governance_page_once_marked(built_warehouse):
    """Comité y gobernanza lists delivered lists and dashboard sessions alike (live views): a
    session appears with its first mark, with the counts of the live quorum, and never twice."""
    from warehouse.marts import gobernanza

    day = date(2026, 10, 15)
    session_id = committee.create_session(
        session_date=day, kind="ordinaria", place="", cutoff_code=None, created_by=BY
    )
    listed = gobernanza.session_quorum()
    assert day not in set(listed["session_date"])  # nobody marked yet: not a session to verify
    delivered_before = int((listed["session_origin"] == "lista entregada").sum())

    members = _members(built_warehouse)
    for code in members[: len(members) // 2 + 1]:
        committee.mark_attendance(session_id, code, True, marked_by=BY)
    committee.mark_attendance(session_id, members[-1], False, marked_by=BY)
    listed = gobernanza.session_quorum().set_index("session_date")
    row = listed.loc[day]
    assert row["session_origin"] == "sesión del tablero"
    live = committee.quorum(session_id)
    assert int(row["attending_entities"]) == live["attending_entities"] == len(members) // 2 + 1
    assert bool(row["has_quorum"]) and int(row["member_entities"]) == len(members)
    assert int((listed["session_origin"] == "lista entregada").sum()) == delivered_before
    assert listed.index.is_unique

    people = gobernanza.session_attendance(day).set_index("entity_code")
    assert len(people) == len(members)
    assert people.loc[members[0], "attended"] and not people.loc[members[-1], "attended"]
    assert int(people["attended"].sum()) == live["attending_entities"]
