"""mart_deliveries_by_cutoff against a hand recount of intake.deliveries, and the calidad page."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from warehouse.settings import PROJECT_ROOT, get_settings

BOGOTA = ZoneInfo("America/Bogota")
MONTH = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")


def _cutoffs() -> dict[str, dict]:
    """The cut-off catalog straight from the seed file, not from the warehouse."""
    with (PROJECT_ROOT / "seeds" / "catalog" / "cutoffs.csv").open(encoding="utf-8") as f:
        return {
            row["cutoff_code"]: {
                "start": date.fromisoformat(row["start_month"]),
                "end": date.fromisoformat(row["end_month"]),
                "deadline": date.fromisoformat(row["report_deadline"]),
            }
            for row in csv.DictReader(f)
        }


def _covered(periods: list[str] | None, cutoffs: dict[str, dict]) -> set[str | None]:
    found: set[str | None] = set()
    for key in periods or []:
        last = key.split("|")[-1].strip()
        if last.upper() in cutoffs:
            found.add(last.upper())
        elif MONTH.match(last):
            month = date(int(last[:4]), int(last[5:7]), 1)
            found |= {c for c, v in cutoffs.items() if v["start"] <= month <= v["end"]}
    return found or {None}


def _expected(conn, last_id: int) -> dict[tuple[int, str | None], bool | None]:
    """(delivery, cut-off) → on time, from the raw archive; periods and received_at never change
    after a file is archived. Only deliveries the build saw (other tests load more later)."""
    cutoffs = _cutoffs()
    rows = conn.execute(
        text(
            "select delivery_id, received_at, periods from intake.deliveries"
            " where delivery_id <= :last"
        ),
        {"last": last_id},
    ).all()
    expected = {}
    for delivery_id, received_at, periods in rows:
        for code in _covered(periods, cutoffs):
            on_time = None
            if code is not None:
                end_of_day = datetime.combine(
                    cutoffs[code]["deadline"] + timedelta(days=1), time(), BOGOTA
                )
                on_time = received_at < end_of_day
            expected[(delivery_id, code)] = on_time
    return expected


def _mart(conn, sql: str) -> dict[tuple[int, str | None], tuple]:
    return {
        (r.delivery_id, r.cutoff_code): (r.status, r.is_on_time) for r in conn.execute(text(sql))
    }


def test_mart_agrees_with_hand_recount(built_warehouse):
    with built_warehouse.connect() as conn:
        last_id = conn.execute(text("select last_delivery_id from marts.mart_build_info")).scalar()
        mart = _mart(conn, "select * from marts.mart_deliveries_by_cutoff")
        expected = _expected(conn, last_id)
        status = dict(
            conn.execute(text("select delivery_id, status from marts.mart_deliveries")).all()
        )
    assert {key: on_time for key, (_, on_time) in mart.items()} == expected
    assert {key: st for key, (st, _) in mart.items()} == {k: status[k[0]] for k in expected}
    # Every delivery of the build is there, and the demo's deliveries do cover every cut-off.
    assert {d for d, _ in mart} == set(status)
    assert {c for _, c in mart} >= set(_cutoffs())


def test_rejected_without_periods_and_deadline_boundary(built_warehouse):
    """The mart's compiled SQL, inside a rolled-back transaction with extra deliveries: files
    covering no cut-off land in 'sin corte'; the deadline day counts until midnight in Bogotá."""
    compiled = next(
        (get_settings().dbt_target_dir / "compiled").rglob("mart_deliveries_by_cutoff.sql")
    )
    sql = compiled.read_text(encoding="utf-8").replace('"marts_next".', '"marts".')
    deadline = _cutoffs()["2024-C2"]["deadline"]
    late_evening = datetime.combine(deadline, time(23, 30), BOGOTA)
    inserted = [
        ("rechazado", None, None, late_evening),
        ("rechazado", "SDG", ["UTA1_SISBEN|2023-01-01"], late_evening),
        ("aceptado", "SDG", ["2024-C2"], late_evening),
        ("aceptado", "SDG", ["2024-C2"], late_evening + timedelta(hours=1)),
    ]
    with built_warehouse.connect() as conn, conn.begin() as transaction:
        ids = [
            conn.execute(
                text(
                    "insert into intake.deliveries (file_name, file_sha256, file_size, content,"
                    " kind, entity_code, status, received_at, periods, error_report) values"
                    " ('x.csv', 'abc', 1, '\\x00', 'indicator_values', :entity, :status, :at,"
                    " :periods, '[]') returning delivery_id"
                ),
                {"entity": entity, "status": status, "at": at, "periods": periods},
            ).scalar()
            for status, entity, periods, at in inserted
        ]
        mart = _mart(
            conn, f"select * from ({sql}) as m where delivery_id in ({','.join(map(str, ids))})"
        )
        transaction.rollback()
    assert mart == {
        (ids[0], None): ("rechazado", None),
        (ids[1], None): ("rechazado", None),
        (ids[2], "2024-C2"): ("aceptado", True),
        (ids[3], "2024-C2"): ("aceptado", False),
    }


@pytest.mark.browser
def test_calidad_page_shows_per_cutoff_counts(built_warehouse, page, app_url, artifacts_dir):
    # June–August 2024 overlaps only the 2024-C2 cut-off.
    page.goto(app_url + "/calidad?desde=2024-06&hasta=2024-08")
    page.wait_for_selector("#cal-cutoff-table .ag-row")
    _settle(page)
    shown = page.evaluate(
        "async () => { const api = await dash_ag_grid.getApiAsync('cal-cutoff-table');"
        " const rows = []; api.forEachNode(n => rows.push(n.data)); return rows; }"
    )
    with built_warehouse.connect() as conn:
        expected = conn.execute(
            text(
                "select coalesce(e.entity_short_name, m.entity_code, 'sin entidad'),"
                " m.cutoff_code,"
                " count(*) as deliveries,"
                " count(*) filter (where m.status in ('aceptado', 'reemplazado')) as accepted,"
                " count(*) filter (where m.status = 'rechazado') as rejected,"
                " count(*) filter (where m.is_on_time) as on_time"
                " from marts.mart_deliveries_by_cutoff as m"
                " left join marts.dim_entity as e using (entity_code)"
                " left join marts.dim_cutoff as c using (cutoff_code)"
                " where m.cutoff_code = '2024-C2' or m.cutoff_code is null"
                " group by 1, 2"
            )
        ).all()
    as_shown = {
        (r["entity_text"], None if r["cutoff_text"] == "Sin corte" else r["cutoff_text"][:7]): (
            r["deliveries"],
            r["accepted"],
            r["rejected"],
            r["on_time"],
        )
        for r in shown
    }
    assert as_shown == {(r[0], r[1]): tuple(r[2:]) for r in expected}
    assert len(as_shown) > 5
    body = page.inner_text("body")
    assert "Entregas por entidad y corte" in body
    assert "El periodo aplica solo a la tabla por corte" in body
    cells = page.locator('#cal-cutoff-table .ag-row [col-id="cutoff_text"]').all_inner_texts()
    assert cells and all(c in ("2024-C2: jun–ago", "Sin corte") for c in cells)
    # The delivery log grid below renders its rows too; scroll it into view so they are painted.
    page.locator("#cal-table").scroll_into_view_if_needed()
    page.wait_for_selector("#cal-table .ag-row")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts_dir / "calidad.png"), full_page=True)
