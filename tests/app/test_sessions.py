"""A committee session run from the dashboard, in the browser: the secretariat creates it, marks
attendance (no quorum, then quorum), presents it walking the agenda with the keyboard, answers a
question by changing a filter and comes back to the slide with one key. Every slide is
screenshot at 1024x768 and no visible text on it may be under 20 px."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import text

from warehouse.formatting import format_number

from .helpers import pick, settle

PROJECTOR = {"width": 1024, "height": 768}

SMALL_TEXT_JS = """(minimum) => {
  const small = [];
  const all = document.querySelectorAll('body *');
  for (const el of all) {
    if (el.closest('.modebar-container, [hidden], .visually-hidden, #slide-deck')) continue;
    const own = Array.from(el.childNodes).some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!own) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const size = parseFloat(style.fontSize);
    const name = el.className.baseVal ?? el.className;
    const words = el.textContent.trim().slice(0, 30);
    if (size < minimum) small.push(`${el.tagName.toLowerCase()}.${name} ${size}px «${words}»`);
  }
  return small;
}"""


def _slide_check(page, shots, name: str) -> None:
    settle(page)
    # Charts take projector type a moment after they draw (assets/presentation.js).
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below names what is too small
        page.wait_for_function(f"() => ({SMALL_TEXT_JS})(20).length === 0", timeout=15000)
    page.screenshot(path=str(shots / f"sesion-{name}.png"), full_page=False)
    small = page.evaluate(SMALL_TEXT_JS, 20)
    assert not small, (name, small[:8])
    expect(page.locator("#shell-root")).to_have_class(re.compile(r"\bpresentation\b"))


def _members(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text("select count(*) from marts.dim_entity where is_committee_member")
        ).scalar()


@pytest.mark.browser
def test_a_whole_session_from_the_dashboard(new_context, app_url, built_warehouse, artifacts_dir):
    shots = artifacts_dir / "sesion"
    shots.mkdir(exist_ok=True)
    page = new_context(viewport=PROJECTOR).new_page()
    page.goto(app_url + "/sesiones")
    page.fill("#ses-date", "18/06/2026")
    page.fill("#ses-place", "Salón de los Virreyes")
    page.click("#ses-create")
    expect(page.locator("#ses-create-result")).to_contain_text("Sesión creada")
    members = _members(built_warehouse)
    line = page.locator("#ses-quorum-line")
    expect(line).to_contain_text(f"No hay quórum: asisten 0 de {members}")

    rows = page.locator("#ses-attendance fieldset")
    expect(rows).to_have_count(members)
    half = members // 2
    for n in range(half):
        rows.nth(n).get_by_label("Asiste", exact=True).check()
        expect(line).to_contain_text(f"asisten {n + 1} de {members}")
    expect(line).to_contain_text("No hay quórum")
    rows.nth(half).get_by_label("Asiste", exact=True).check()
    expect(line).to_contain_text(f"Hay quórum: asisten {half + 1} de {members}")
    rows.nth(half + 1).get_by_label("No asiste", exact=True).check()
    page.wait_for_timeout(300)
    expect(line).to_contain_text(f"asisten {half + 1} de {members}")

    # The secretariat names who presents the quorum item; its slide says so.
    quorum_item = page.locator("#ses-agenda-list li", has_text="Verificación del quórum")
    quorum_item.locator("select").select_option(label="Secretaría Distrital de Integración Social")
    expect(page.locator("#ses-agenda-note")).to_have_text("Presentador guardado.")
    agenda = page.locator("#ses-agenda-list li .agenda-title")
    count = agenda.count()
    titles = agenda.all_inner_texts()
    page.click("text=Presentar la sesión")
    page.wait_for_url("**/sesion?**n=1**")
    expect(page.locator("h1")).to_have_text("Verificación del quórum")
    expect(page.locator("#ses-quorum-line")).to_contain_text("Hay quórum")
    expect(page.locator(".slide-bar")).to_contain_text(
        "presenta Secretaría Distrital de Integración Social"
    )
    _slide_check(page, shots, "01")

    uta_slide = None
    for n in range(2, count + 1):
        page.keyboard.press(" " if n == 3 else "ArrowRight")  # Space advances, never leaves
        page.wait_for_function(
            "(n) => JSON.parse(sessionStorage.getItem('tablero-slide-deck')).index === n - 1", arg=n
        )
        _slide_check(page, shots, f"{n:02d}")
        if titles[n - 1].startswith("Centros Intégrate"):
            expect(page.locator("#integrate-centres")).to_contain_text("SuperCADE CAD")
            leader = _integrate_leader(built_warehouse)
            expect(page.locator("#integrate-top li").first).to_have_text(leader)
        if uta_slide is None and titles[n - 1].startswith("Seguimiento"):
            uta_slide = page.url
            assert "uta=" in uta_slide
            # Below 1200 px the tools sit behind ☰; the filters fold away while presenting.
            page.click("#navbar-toggler")
            page.locator("#navbar-collapse.show").wait_for()
            page.click("#filters-toggle")
            expect(page.locator("#filter-locality")).to_be_visible(timeout=10_000)
            pick(page, "filter-locality", "Kennedy")
            page.wait_for_url(lambda url: "localidad=08" in url)
            settle(page)
            # the filters a presenter opened stay open while the answer changes
            expect(page.locator("#filter-locality")).to_be_visible()
            page.keyboard.press("r")  # back to the slide as framed
            page.wait_for_url(uta_slide)
            settle(page)
    assert uta_slide is not None
    expect(page.locator("h1")).to_have_text("Proposiciones y varios")

    page.keyboard.press("Home")
    page.wait_for_url("**n=1**")
    page.keyboard.press("End")
    page.wait_for_url(f"**n={count}**")
    page.keyboard.press("Escape")
    expect(page.locator("#shell-root")).not_to_have_class(re.compile(r"\bpresentation\b"))

    # The annex to the minutes: quorum line and each UTA's headline figures, in the PDF's text.
    with built_warehouse.connect() as conn:
        session_id = conn.execute(
            text("select max(session_id) from committee.sessions where place = :p"),
            {"p": "Salón de los Virreyes"},
        ).scalar()
    page.goto(app_url + f"/sesiones?id={session_id}")  # other tests may add later sessions
    with page.expect_download(timeout=120_000) as download:
        page.click("#ses-report")
    path = shots / "informe.pdf"
    download.value.save_as(path)
    pdf_text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)
    assert f"Hay quórum: asisten {half + 1} de {members} entidades miembro" in pdf_text
    assert "Salón de los Virreyes" in pdf_text and "Datos al" in pdf_text
    for uta_title in (t for t in titles if t.startswith("Seguimiento")):
        assert uta_title.split(" · ")[0] in pdf_text
    for code, figure in _uta1_headlines(page, app_url, uta_slide).items():
        assert figure in pdf_text, (code, figure)
    page.close()


def _uta1_headlines(page, app_url, slide_url) -> dict[str, str]:
    """The figures the UTA slide shows (its KPI cards), read in the browser."""
    page.goto(slide_url)
    page.wait_for_selector("[id^='kpi-']")
    settle(page)
    cards = page.locator("[id^='kpi-']:not([id$='-info'])")
    return {
        cards.nth(i).get_attribute("id"): cards.nth(i).inner_text().strip()
        for i in range(cards.count())
    }


def _integrate_leader(engine) -> str:
    """The locality with most Intégrate orientations over the latest session's cut-off, by SQL
    (validated deliveries only, as slides show them)."""
    with engine.connect() as conn:
        name, figure = conn.execute(
            text(
                "select f.locality_name, f.figure from committee.sessions s "
                "join marts.dim_cutoff c using (cutoff_code) "
                "cross join lateral marts.indicator_figure_by_locality("
                "'UTA1_INTEGRATE_ORIENTACIONES', c.start_month, c.end_month, null, true) f "
                "where s.session_id = (select max(session_id) from committee.sessions) "
                "and f.locality_rank = 1"
            )
        ).one()
    return f"{name}: {format_number(figure)} orientaciones"
