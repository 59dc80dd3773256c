"""Comité y gobernanza: quorum verification of a committee session and MGI governance maturity."""

from __future__ import annotations

from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, graph, kpi_card
from dash_app.figures import gobernanza as figures
from dash_app.state import FilterState, shift_months
from dash_app.views.common import to_date
from warehouse.formatting import format_date, format_month, format_number, format_percent
from warehouse.marts import gobernanza

PREFIX = "gob"
ID_SESSION = f"{PREFIX}-session"
ID_ATTENDING, ID_REQUIRED, ID_QUORUM = (
    f"{PREFIX}-attending",
    f"{PREFIX}-required",
    f"{PREFIX}-quorum",
)
ID_ATTENDANCE, ID_MATURITY_TABLE = f"{PREFIX}-attendance", f"{PREFIX}-maturity-table"
K_SESSION = "sesion"
SOURCE_SESSIONS = "listas de asistencia entregadas y sesiones del tablero (Secretaría Técnica)"
SOURCE_MATURITY = (
    "valoración de madurez de la Secretaría Técnica (Gobierno), dominios MGI de la OIM"
)
QUORUM_NOTE = (
    "Regla de quórum: más de la mitad de las entidades miembro asisten (una sesión del tablero "
    "usa la proporción fijada al crearla), supuesto del proyecto: el reglamento del comité no "
    "está en los datos. Sesiones: listas de asistencia entregadas y sesiones llevadas en el "
    "tablero (página Sesiones) con asistencia marcada."
)


def quorum_rule(share: float) -> str:
    """'Entidades: más de la mitad de los miembros.' (0,5) or 'más del 60 % de los miembros.'"""
    part = "de la mitad" if abs(float(share) - 0.5) < 1e-9 else f"del {format_percent(share)}"
    return f"Entidades: más {part} de los miembros."


def mgi_note(levels: pd.DataFrame) -> str:
    """The scale explained in words, its levels read from marts.dim_maturity_level."""
    rows = list(levels.itertuples())
    scale = ", ".join(
        f"{row.level_name} < {format_percent(row.max_score)}" for row in rows[:-1]
    ) + (f", {rows[-1].level_name}" if rows else "")
    return (
        "Los dominios son los de los Indicadores de Gobernanza de la Migración (MGI) de la OIM. "
        "El puntaje (0–100 %) promedia los criterios del catálogo del proyecto (completo = 1, "
        f"parcial = 0,5, ausente = 0) y los niveles ({scale}) son una escala propia del "
        "proyecto, no una calificación de la OIM: la OIM advierte que los MGI no sirven para "
        "clasificar ni comparar gobiernos."
    )


def _dates(values) -> list[date]:
    return [to_date(v) for v in values]


def _in_period(day: date, state: FilterState) -> bool:
    return state.start <= day < shift_months(state.end, 1)


def parse_session(value: object) -> date | None:
    """'2024-06-20' → date; anything else → None (the page then picks the default session)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def pick_session(
    sessions: list[date], state: FilterState, requested: date | None
) -> tuple[date | None, bool]:
    """(session shown, whether some session falls in the period).

    The requested session when it exists; else the latest one in the period; else the latest.
    """
    inside = [d for d in sessions if _in_period(d, state)]
    if requested in sessions:
        return requested, bool(inside)
    if inside:
        return max(inside), True
    return (max(sessions) if sessions else None), False


def pick_assessments(
    months: list[date], state: FilterState
) -> tuple[date | None, date | None, bool]:
    """(latest assessment in the period — or the latest overall —, the one before it, in_period)."""
    ordered = sorted(set(months))
    inside = [m for m in ordered if _in_period(m, state)]
    latest = inside[-1] if inside else (ordered[-1] if ordered else None)
    if latest is None:
        return None, None, False
    before = [m for m in ordered if m < latest]
    return latest, (before[-1] if before else None), bool(inside)


def session_for_url(state: FilterState, chosen: date | None) -> str | None:
    """The session to write in the URL: None when it is the one shown by default anyway, so the
    dropdown's first render does not rewrite the URL (and render the page a second time)."""
    sessions = _dates(gobernanza.session_quorum()["session_date"])
    default, _ = pick_session(sessions, state, None)
    return None if chosen is None or chosen == default else chosen.isoformat()


def render(state: FilterState, session_text: str | None) -> list:
    return [_quorum_section(state, parse_session(session_text)), _maturity_section(state)]


def _quorum_section(state: FilterState, requested: date | None) -> html.Section:
    heading = html.H2("Verificación del quórum", className="h4 mt-2")
    quorum = gobernanza.session_quorum()  # live view: never from the cache
    sessions = _dates(quorum["session_date"])
    chosen, inside = pick_session(sessions, state, requested)
    if chosen is None:
        return html.Section([heading, empty_note("No hay sesiones del comité registradas.")])
    scope = (
        f"Sesiones en el periodo {state.period_label}: se muestra la más reciente."
        if inside
        else f"Ninguna sesión cae en el periodo {state.period_label}: se muestra la más reciente."
    )
    attendance = gobernanza.session_attendance(chosen)
    body = dbc.Row(
        [
            dbc.Col(_attendance_table(attendance), lg=6),
            dbc.Col(
                graph(
                    f"{PREFIX}-attendance-chart",
                    figures.attendance_bars(quorum, SOURCE_SESSIONS, selected=chosen),
                ),
                lg=6,
            ),
        ],
        className="g-3",
    )
    note = html.P(QUORUM_NOTE, className="small text-body-secondary fst-italic mt-2")
    cards = _quorum_cards(quorum.iloc[sessions.index(chosen)], chosen)
    selector = _session_selector(sessions, chosen, scope)
    return html.Section([heading, selector, cards, body, note], className="mb-4")


def _session_selector(sessions: list[date], chosen: date, scope: str) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                html.Label("Sesión del comité", htmlFor=ID_SESSION, className="fw-semibold"),
                width="auto",
                className="d-flex align-items-center",
            ),
            dbc.Col(
                dcc.Dropdown(
                    id=ID_SESSION,
                    options=[{"value": d.isoformat(), "label": format_date(d)} for d in sessions],
                    value=chosen.isoformat(),
                    clearable=False,
                    searchable=False,
                ),
                md=4,
            ),
            dbc.Col(
                html.Small(scope, className="text-secondary"), className="d-flex align-items-center"
            ),
        ],
        className="g-2 mb-3",
    )


def _quorum_cards(row: pd.Series, chosen: date) -> dbc.Row:
    """Attending entities, the quorum required and whether the session had it."""
    members, attending = int(row["member_entities"]), int(row["attending_entities"])
    cards = [
        kpi_card(
            "Entidades que asisten",
            f"{format_number(attending)} de {format_number(members)}",
            f"{format_percent(row['attendance_ratio'])} de las entidades miembro.",
            value_id=ID_ATTENDING,
        ),
        kpi_card(
            "Quórum requerido",
            format_number(int(row["quorum_required"])),
            quorum_rule(row["quorum_share"]),
            value_id=ID_REQUIRED,
        ),
        kpi_card(
            "¿Hay quórum?",
            "Sí hay quórum" if bool(row["has_quorum"]) else "No hay quórum",
            f"Sesión del {format_date(chosen)} ({row['session_origin']}).",
            value_id=ID_QUORUM,
        ),
    ]
    return dbc.Row([dbc.Col(card, md=4) for card in cards], className="g-3 mb-3")


def _attendance_table(frame: pd.DataFrame):
    if frame.empty:
        return empty_note("No hay lista de asistencia para esta sesión.")
    rows = [
        html.Tr(
            [
                html.Td(format_number(i), className="text-secondary"),
                html.Td(r.entity_name, title=r.entity_short_name or ""),
                html.Td(
                    dbc.Badge("Asiste", color="success")
                    if r.attended
                    else dbc.Badge(
                        "No asiste", color="light", text_color="dark", className="border"
                    )
                ),
            ],
            **{"data-attended": "1" if r.attended else "0"},
        )
        for i, r in enumerate(frame.itertuples(), start=1)
    ]
    head = html.Thead(html.Tr([html.Th("#"), html.Th("Entidad miembro"), html.Th("Asistencia")]))
    return dbc.Table(
        [head, html.Tbody(rows)], id=ID_ATTENDANCE, size="sm", hover=True, className="align-middle"
    )


def _maturity_section(state: FilterState) -> html.Section:
    heading = html.H2("Nivel de madurez de la gobernanza migratoria", className="h4 mt-2")
    levels = cached_call(gobernanza.maturity_levels)
    note = html.P(mgi_note(levels), className="small text-body-secondary fst-italic mb-2")
    frame = cached_call(gobernanza.maturity_by_domain)
    months = _dates(frame["assessment_month"])
    latest, previous, inside = pick_assessments(months, state)
    if latest is None:
        return html.Section([heading, note, empty_note("No hay evaluaciones de madurez.")])
    frame = frame.assign(assessment_month=months)
    shown = frame[frame["assessment_month"].isin([m for m in (latest, previous) if m])]
    compared = f", comparada con la de {format_month(previous)}" if previous else ""
    scope = f"Evaluación de {format_month(latest)}{compared}. " + (
        ""
        if inside
        else f"Ninguna evaluación cae en el periodo {state.period_label}: "
        "se muestra la más reciente."
    )
    chart = graph(f"{PREFIX}-maturity-chart", figures.maturity_bars(shown, levels, SOURCE_MATURITY))
    table = _maturity_table(frame, latest, previous)
    return html.Section(
        [
            heading,
            note,
            html.P(scope, className="small text-secondary", id=f"{PREFIX}-maturity-scope"),
            chart,
            table,
        ],
        className="mb-4",
    )


def _maturity_table(frame: pd.DataFrame, latest: date, previous: date | None) -> dbc.Table:
    now = frame[frame["assessment_month"] == latest]
    before = (
        frame[frame["assessment_month"] == previous].set_index("domain_code")
        if previous
        else pd.DataFrame()
    )
    header = ["Dominio MGI", "Criterios valorados", f"Puntaje {format_month(latest)}", "Nivel"]
    if previous:
        header += [f"Puntaje {format_month(previous)}", "Cambio (puntos porcentuales)"]
    rows = []
    for r in now.itertuples():
        cells = [
            html.Td(r.domain_name),
            html.Td(f"{format_number(r.assessed_criteria)} de {format_number(r.criteria_count)}"),
            html.Td(format_percent(r.score), className="text-end score"),
            html.Td(r.level_name),
        ]
        if previous:
            old = before["score"].get(r.domain_code) if not before.empty else None
            cells.append(html.Td(format_percent(old), className="text-end"))
            cells.append(html.Td(_change(r.score, old), className="text-end"))
        rows.append(html.Tr(cells, **{"data-domain": r.domain_code}))
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
        id=ID_MATURITY_TABLE,
        size="sm",
        hover=True,
        responsive=True,  # six columns: it scrolls sideways on a phone, not the page
        className="align-middle mt-2",
    )


def _change(score, old) -> str:
    """Difference in percentage points, es-CO: '▲ 8 pp', '= 0 pp'."""
    if old is None or pd.isna(old):
        return "—"
    points = (float(score) - float(old)) * 100
    arrow = "▲" if points > 0.5 else ("▼" if points < -0.5 else "=")
    return f"{arrow} {format_number(abs(points))} pp"
