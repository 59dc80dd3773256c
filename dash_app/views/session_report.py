"""The session's report (annex to the minutes): one self-contained HTML page — attendance and
quorum, the agenda, and each UTA follow-up slide as shown (headline figures and the compliance
gauge at the session's filters), dated, with data as of and the review state of the data —
printed to PDF by dash_app/pdf.py. Everything is read through the read API, as the pages do."""

from __future__ import annotations

from html import escape

import plotly.io as pio

from dash_app.bundles import PLOTLY_BUNDLE as PLOTLY_JS  # Plotly with only our trace types
from dash_app.figures.charts import compliance_gauge
from dash_app.views import common, resumen
from dash_app.views import sesiones as slides
from warehouse import committee
from warehouse.formatting import format_datetime, format_number, format_percent
from warehouse.marts import plan_de_accion, reference

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; color: #1b1b1b; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 14pt 0 6pt; }
p.meta { color: #444; margin: 2pt 0; } table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 3pt 4pt; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; } .quorum { font-size: 15pt; font-weight: bold; }
section { break-inside: avoid; } .chart { width: 100%; height: 230px; }
"""


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if i in numeric else ''}>{escape(str(cell))}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _attendance(session: committee.Session) -> str:
    line = slides.quorum_sentence(committee.quorum(session.session_id) or {})
    rows = [
        [r.entity_name, r.attendance.capitalize(), r.delegate_name or "", r.delegate_role or ""]
        for r in committee.attendance(session.session_id).itertuples()
    ]
    table = _table(["Entidad", "Asistencia", "Delegado", "Cargo"], rows)
    return (
        f"<section><h2>Verificación del quórum</h2><p class=quorum>{escape(line)}</p>"
        f"{table}</section>"
    )


def _uta_section(item: committee.AgendaItem, session: committee.Session, chart_id: str) -> str:
    state = slides.frame_state(item, session)
    indicators = common.catalogue(state).head(resumen.MAX_HEADLINES)  # the slide's cards
    rows = []
    for row in indicators.itertuples():
        result = common.indicator_figure(row.indicator_code, state)
        previous = common.previous_figure(row.indicator_code, state)
        change = common.change_text(result, previous) or ""
        rows.append(
            [row.indicator_name, common.figure_text(result, row.ratio_per), change,
             common.figure_footnote(result, row.unit)]
        )  # fmt: skip
    figures = _table(["Indicador", "Cifra", "Cambio anual", "Nota"], rows, numeric={1})
    cutoff, cutoff_name = common.cutoff_for(state)
    compliance = plan_de_accion.compliance_by_uta(cutoff, item.uta_code) if cutoff else None
    chart = ""
    if compliance is not None and not compliance.empty:
        row = compliance.iloc[0]
        detail = (
            f"{format_number(row['reported_activities'])} de "
            f"{format_number(row['expected_activities'])} actividades reportadas "
            f"({format_percent(row['compliance_ratio'])}), corte {cutoff_name}"
        )
        figure = compliance_gauge(row["compliance_ratio"], "Cumplimiento de reporte", detail)
        chart = pio.to_html(
            figure, include_plotlyjs=False, full_html=False, div_id=chart_id,
            config={"staticPlot": True}, default_height="230px",
        ) + f"<p class=meta>{escape(detail)}</p>"  # fmt: skip
    return (
        f"<section><h2>{escape(item.title)}</h2><p class=meta>{escape(state.period_label)}"
        f"</p>{figures}{chart}</section>"
    )


def _data_note() -> str:
    built = reference.built_at()
    states = reference.review_states()
    parts = [f"{format_number(r.deliveries)} {r.review_state}" for r in states.itertuples()]
    review = "; ".join(parts) if parts else "sin entregas"
    when = format_datetime(built) if built else "sin construcción registrada"
    return (
        f"<p class=meta>Datos al {escape(when)} (última construcción del almacén). Estado de "
        f"revisión de las entregas vigentes: {escape(review)}.</p>"
    )


def report_html(session: committee.Session) -> str:
    items = committee.agenda(session.session_id)
    agenda = "".join(f"<li>{escape(i.title)}</li>" for i in items)
    utas = [
        _uta_section(item, session, f"gauge-{n}")
        for n, item in enumerate(items)
        if item.kind == "seguimiento_uta"
    ]
    plotly_js = PLOTLY_JS.read_text(encoding="utf-8")
    return (
        "<!doctype html><html lang=es-CO><head><meta charset=utf-8>"
        f"<title>{escape(slides.session_title(session))}</title><style>{STYLE}</style>"
        f"<script>{plotly_js}</script></head><body>"
        f"<h1>Informe de la sesión</h1><p class=meta>{escape(slides.session_title(session))}</p>"
        f"{_data_note()}{_attendance(session)}"
        f"<section><h2>Orden del día</h2><ol>{agenda}</ol></section>{''.join(utas)}"
        "</body></html>"
    )
