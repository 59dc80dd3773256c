"""Comité y gobernanza: figure builders, session and assessment choice, the page vs the marts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import text

from dash_app.figures import gobernanza as figures
from dash_app.state import FilterState
from dash_app.views import gobernanza as view
from warehouse.formatting import format_date, format_month, format_number, format_percent

from .helpers import settle

MATURITY = pd.DataFrame(
    {
        "assessment_month": [date(2024, 6, 1)] * 2 + [date(2024, 12, 1)] * 2,
        "domain_code": ["D1", "D2"] * 2,
        "domain_name": ["Derechos de las personas migrantes", "Alianzas"] * 2,
        "score": [0.5, 0.25, 0.75, 1.0],
        "level_name": ["Intermedio", "Básico", "Avanzado", "Avanzado"],
    }
)
LEVELS = pd.DataFrame(
    {
        "level_name": ["Bajo", "Medio", "Alto"],
        "min_score": [0.0, 0.4, 0.8],
        "max_score": [0.4, 0.8, 1.0],
    }
)
QUORUM = pd.DataFrame(
    {
        "session_date": [date(2024, 11, 28), date(2024, 6, 20)],
        "member_entities": [19, 19],
        "attending_entities": [9, 16],
        "attendance_ratio": [9 / 19, 16 / 19],
        "quorum_required": [10, 10],
        "has_quorum": [False, True],
    }
)


def test_maturity_bars_one_trace_per_assessment_in_percent():
    figure = figures.maturity_bars(MATURITY, LEVELS, "prueba")
    assert [t.name for t in figure.data] == ["Evaluación jun 2024", "Evaluación dic 2024"]
    latest = figure.data[1]
    assert list(latest.x) == [75.0, 100.0]
    assert list(latest.text) == ["75 %", "100 %"]
    assert list(latest.customdata) == ["Avanzado", "Avanzado"]
    assert figure.data[0].marker.color != latest.marker.color
    assert figure.layout.separators == ",."
    assert figure.layout.barmode == "group"
    assert "Fuente: prueba" in figure.layout.title.subtitle.text
    assert figure.layout.xaxis.ticktext[-1] == "100 %"
    # The thresholds are the scale's lower bounds above zero, named, as given (not hard-coded).
    lines = [shape.x0 for shape in figure.layout.shapes]
    assert lines == [40.0, 80.0]
    assert [a.text for a in figure.layout.annotations if a.x in (40.0, 80.0)] == ["Medio", "Alto"]


def test_mgi_note_reads_the_scale():
    note = view.mgi_note(LEVELS)
    assert "(Bajo < 40 %, Medio < 80 %, Alto)" in note


def test_maturity_bars_empty_says_so():
    figure = figures.maturity_bars(MATURITY.iloc[0:0], LEVELS, "prueba")
    assert figure.data == ()
    assert "No hay evaluaciones" in figure.layout.annotations[0].text


def test_attendance_bars_chronological_with_quorum_line():
    figure = figures.attendance_bars(QUORUM, "prueba", selected=date(2024, 6, 20))
    bars, line = figure.data
    assert list(bars.x) == ["20 jun 2024", "28 nov 2024"]
    assert list(bars.y) == [16, 9]
    assert list(line.y) == [10, 10]
    assert bars.marker.color[0] != bars.marker.color[1]  # the chosen session stands out
    assert bars.customdata[1][1] == "sin quórum"


def test_pick_session_and_assessments_follow_the_period():
    sessions = [date(2024, 11, 28), date(2024, 6, 20)]
    may = FilterState(date(2024, 1, 1), date(2024, 5, 1))
    june = FilterState(date(2024, 6, 1), date(2024, 6, 1))
    assert view.pick_session(sessions, may, None) == (date(2024, 11, 28), False)
    assert view.pick_session(sessions, june, None) == (date(2024, 6, 20), True)
    assert view.pick_session(sessions, june, date(2024, 11, 28)) == (date(2024, 11, 28), True)
    assert view.pick_session(sessions, june, date(2023, 1, 1)) == (date(2024, 6, 20), True)
    assert view.pick_session([], june, None) == (None, False)
    months = [date(2024, 6, 1), date(2024, 12, 1), date(2024, 6, 1)]
    assert view.pick_assessments(months, may) == (date(2024, 12, 1), date(2024, 6, 1), False)
    assert view.pick_assessments(months, june) == (date(2024, 6, 1), None, True)
    assert view.parse_session("2024-06-20") == date(2024, 6, 20)
    assert view.parse_session("junio") is None


def _rows(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).mappings().all()


@pytest.mark.browser
def test_page_shows_quorum_and_maturity_equal_to_the_marts(
    page, app_url, artifacts_dir, built_warehouse
):
    sessions = _rows(
        built_warehouse, "select * from marts.mart_session_quorum order by session_date desc"
    )
    assert len(sessions) >= 2, "the demo has two committee sessions"
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    renders: list[str] = []
    page.on(
        "request",
        lambda r: (
            renders.append(r.url)
            if "_dash-update-component" in r.url and "_pages_content" in (r.post_data or "")
            else None
        ),
    )
    page.goto(app_url + "/gobernanza")
    page.wait_for_selector("#gob-attendance")
    settle(page)
    assert page.inner_text("h1") == "Comité y gobernanza"
    # The default session stays out of the URL, so the page renders once, not twice.
    assert "sesion=" not in page.url
    assert len(renders) == 1, renders
    assert page.get_by_role("link", name="Comité", exact=True).count() >= 1

    def check_session(row) -> None:
        day = row["session_date"]
        attended = _rows(
            built_warehouse,
            "select e.entity_name, s.attended from marts.fct_session_attendance s "
            "join marts.dim_entity e using (entity_code) where s.session_date = :d "
            "order by e.quorum_order",
            d=day,
        )
        expected = f"{format_number(row['attending_entities'])} de {row['member_entities']}"
        assert page.inner_text("#gob-attending") == expected
        assert page.inner_text("#gob-required") == format_number(row["quorum_required"])
        quorum = "Sí hay quórum" if row["has_quorum"] else "No hay quórum"
        assert page.inner_text("#gob-quorum") == quorum
        table_rows = page.query_selector_all("#gob-attendance tbody tr")
        assert len(table_rows) == len(attended) == row["member_entities"]
        for shown, db in zip(table_rows, attended, strict=True):
            cells = shown.query_selector_all("td")
            assert cells[1].inner_text() == db["entity_name"]
            assert cells[2].inner_text() == ("Asiste" if db["attended"] else "No asiste")

    # Default period (ene–may 2024) holds no session: the latest one is shown.
    check_session(sessions[0])
    assert format_date(sessions[0]["session_date"]) in page.inner_text("#gob-session")

    latest_month = _rows(
        built_warehouse, "select max(assessment_month) m from marts.fct_governance_maturity"
    )[0]["m"]
    scores = _rows(
        built_warehouse,
        "select domain_code, domain_name, score, level_name from marts.fct_governance_maturity "
        "where assessment_month = :m",
        m=latest_month,
    )
    assert len(scores) == 6
    for db in scores:
        cells = page.query_selector_all(
            f"#gob-maturity-table tr[data-domain='{db['domain_code']}'] td"
        )
        assert cells[0].inner_text() == db["domain_name"]
        assert cells[2].inner_text() == format_percent(db["score"])
        assert cells[3].inner_text() == db["level_name"]
    # The chart's latest-assessment bars carry the same scores, in percent.
    plotted = page.evaluate(
        "() => { const d = document.querySelector('#gob-maturity-chart .js-plotly-plot').data;"
        " const t = d[d.length - 1]; return [t.name, Array.from(t.x)]; }"
    )
    assert plotted[0] == f"Evaluación {format_month(latest_month)}"
    assert sorted(round(v, 6) for v in plotted[1]) == sorted(
        round(float(r["score"]) * 100, 6) for r in scores
    )
    body = page.inner_text("body")
    assert "MGI" in body and "no una calificación de la OIM" in body
    # The scale in the note comes from the mart: Inicial < 25 %, … (seed maturity_levels).
    with built_warehouse.connect() as conn:
        levels = conn.execute(
            text("select level_name, max_score from marts.dim_maturity_level order by min_score")
        ).all()
    assert f"{levels[0].level_name} < {format_percent(levels[0].max_score)}" in body
    assert "supuesto del proyecto" in body
    page.screenshot(path=str(artifacts_dir / "gobernanza.png"), full_page=True)

    # Choose the earlier session through the selector: figures and URL follow.
    older = sessions[1]
    page.click("#gob-session")
    page.get_by_role("option", name=format_date(older["session_date"])).click()
    settle(page)
    page.wait_for_function(
        "(d) => location.search.includes('sesion=' + d)", arg=older["session_date"].isoformat()
    )
    settle(page)
    check_session(older)
    assert errors == [], errors


@pytest.mark.browser
def test_period_picks_the_session_and_assessment_inside_it(page, app_url, built_warehouse):
    start, end = date(2024, 6, 1), date(2024, 8, 1)
    session = _rows(
        built_warehouse,
        "select session_date from marts.mart_session_quorum "
        "where session_date >= :s and session_date < :e order by session_date desc limit 1",
        s=start,
        e=date(2024, 9, 1),
    )[0]["session_date"]
    month = _rows(
        built_warehouse,
        "select max(assessment_month) m from marts.fct_governance_maturity "
        "where assessment_month between :s and :e",
        s=start,
        e=end,
    )[0]["m"]
    # An invalid session key falls back to the period's choice instead of failing.
    page.goto(app_url + "/gobernanza?desde=2024-06&hasta=2024-08&sesion=junio")
    page.wait_for_selector("#gob-attendance")
    settle(page)
    assert format_date(session) in page.inner_text("#gob-session")
    assert "Ninguna sesión cae" not in page.inner_text("body")
    scope = page.inner_text("#gob-maturity-scope")
    assert scope.startswith(f"Evaluación de {format_month(month)}")
    assert "Ninguna evaluación cae" not in scope
