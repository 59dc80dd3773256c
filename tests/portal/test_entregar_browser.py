"""The entity portal in Chromium: an editor delivers (template, bad file, corrected file), the
background build runs, the admin returns one delivery with a reason the editor reads and
validates the next; the review reaches the marts, and every step is in the audit log."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import text

from warehouse import audit, build_queue
from warehouse.settings import get_settings

from .conftest import indicator_csv

WAIT = 20000


@pytest.fixture
def worker(monkeypatch, built_warehouse):
    """The build worker `tablero serve` starts, polling fast, with a short debounce."""
    monkeypatch.setattr(build_queue, "DEBOUNCE_SECONDS", 1.0)
    running = build_queue.start_worker(get_settings(), poll=0.5)
    yield running
    running.stop()
    running.join(timeout=300)


def wait_for_build(engine, timeout: float = 400) -> build_queue.BuildState:
    """The newest build request once it finished (queued ones are run by the worker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = build_queue.latest(engine)
        if state and state.state in ("terminada", "fallida"):
            return state
        time.sleep(1)
    raise AssertionError(f"la construcción no terminó: {build_queue.latest(engine)}")


def editor_page(browser, app_url, internal_app, users):
    context = browser.new_context(locale="es-CO", accept_downloads=True)
    page = context.new_page()
    page.goto(app_url + "/login")
    page.fill("#email", users["editor"][0])
    page.fill("#password", users["editor"][1])
    page.click("button[type=submit]")
    page.wait_for_url(app_url + "/")
    for limiter in internal_app.server.extensions.get("limiter", ()):
        limiter.reset()
    page.goto(app_url + "/entregar")
    page.wait_for_selector("#ent-templates button", timeout=WAIT)
    return context, page


def upload(page, name: str, data: bytes) -> None:
    page.set_input_files(
        "#ent-upload input[type=file]",
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}],
    )


def review_as_admin(page, app_url, delivery_id: int, action: str, reason: str = "") -> None:
    for attempt in range(3):  # a page still re-rendering under load is opened again
        page.goto(app_url + "/entregar")
        try:
            page.wait_for_selector("#ent-entity", timeout=WAIT)
            page.wait_for_load_state("networkidle")  # the page's first callbacks have answered
            page.select_option("#ent-entity", "SDMUJER", timeout=WAIT)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    page.wait_for_selector(
        f"#ent-review-delivery option[value='{delivery_id}']", state="attached", timeout=WAIT
    )
    page.select_option("#ent-review-delivery", str(delivery_id))
    if reason:
        page.fill("#ent-review-reason", reason)
    page.click(f"#ent-{action}")
    page.wait_for_selector(".ent-review-done", timeout=WAIT)


def delivery_id_of(engine, file_name: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "select max(delivery_id) from intake.deliveries where file_name = :f "
                "and status = 'aceptado'"
            ),
            {"f": file_name},
        ).scalar_one()


@pytest.mark.browser
def test_editor_delivers_admin_returns_then_validates(  # long: one story, step by step
    browser, app_url, internal_app, users, new_context, built_warehouse, worker, artifacts_dir
):
    engine = built_warehouse
    context, page = editor_page(browser, app_url, internal_app, users)
    assert page.input_value("#ent-entity") == "SDMUJER" and page.is_disabled("#ent-entity")
    with page.expect_download() as download:
        page.click("#ent-templates button >> nth=0")
    assert download.value.suggested_filename.endswith("_SDMUJER.xlsx")

    upload(page, "mujer_mal.csv", indicator_csv("SDMUJER", "2025-13", -4))
    page.wait_for_selector(".ent-rejected .ent-problems", timeout=WAIT)
    assert "Cómo corregirlo" in page.inner_text(".ent-rejected")

    upload(page, "mujer_2025-07.csv", indicator_csv("SDMUJER", "2025-07", 33))
    page.wait_for_selector(".ent-accepted", timeout=WAIT)
    assert "aceptado para SDMUJER" in page.inner_text(".ent-accepted")
    first = delivery_id_of(engine, "mujer_2025-07.csv")
    page.wait_for_selector(f"#ent-delivery-{first} .ent-review", timeout=WAIT)
    assert page.inner_text(f"#ent-delivery-{first} .ent-review") == "recibido"
    page.screenshot(path=str(artifacts_dir / "entregar.png"), full_page=True)

    built = wait_for_build(engine)  # the background build, with nobody running tablero build
    assert built.state == "terminada", built.error

    admin = new_context().new_page()
    review_as_admin(admin, app_url, first, "return", "Falta el desglose por localidad.")
    page.reload()
    page.wait_for_selector(f"#ent-delivery-{first} .ent-review", timeout=WAIT)
    row = page.inner_text(f"#ent-delivery-{first}")
    assert "devuelto" in row and "Falta el desglose por localidad." in row

    upload(page, "mujer_2025-08.csv", indicator_csv("SDMUJER", "2025-08", 35))
    page.wait_for_selector(".ent-accepted", timeout=WAIT)
    second = delivery_id_of(engine, "mujer_2025-08.csv")
    assert wait_for_build(engine).state == "terminada"  # the upload's own build, then review
    review_as_admin(admin, app_url, second, "validate")
    built = wait_for_build(engine)
    assert built.state == "terminada", built.error
    with engine.connect() as conn:
        states = dict(
            conn.execute(
                text(
                    "select delivery_id, review_state from marts.mart_deliveries "
                    "where delivery_id in (:a, :b)"
                ),
                {"a": first, "b": second},
            ).all()
        )
    assert states == {first: "devuelto", second: "validado"}

    editor_log = audit.events(engine, email=users["editor"][0])
    assert {"ingreso", "descarga", "entrega"} <= set(editor_log["event"])
    admin_log = audit.events(engine, email=users["admin"][0])
    assert {"entrega devuelto", "entrega validado"} <= set(admin_log["event"])
    context.close()
