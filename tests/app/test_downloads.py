"""Downloads that say what they hold: the header block (CSV comment lines, XLSX sheet
'acerca_de') with the indicator, its rule, the filters, the period and the data date; a column
that tells totals from breakdowns; the Barreras export; the drill list and a filtered card."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from .helpers import settle

CODE = "UTA1_MUJER_ATENDIDAS"
QUERY = f"?desde=2024-01&hasta=2024-05&localidad=08&indicador={CODE}"


def _download(page, button: str) -> Path:
    with page.expect_download() as info:
        page.click(button)
    return Path(info.value.path())


def _header(text: str) -> dict[str, str]:
    lines = [line[2:] for line in text.splitlines() if line.startswith("# ")]
    return dict(line.split(": ", 1) for line in lines)


@pytest.mark.browser
def test_indicator_csv_says_indicator_filters_period_and_date(page, app_url):
    page.goto(app_url + "/indicadores" + QUERY)
    settle(page)
    text = _download(page, "#ind-csv").read_text(encoding="utf-8-sig")
    header = _header(text)
    assert header["Indicador"].endswith(f"({CODE})")
    assert header["Definición"] and header["Regla de agregación"]
    assert header["Filtros"].startswith("Kennedy")
    assert header["Periodo"].endswith("(2024-01 a 2024-05)")
    assert header["Datos al"].endswith("(última construcción del almacén)")
    assert header["Entregas de origen"].startswith("n.º ")
    table = pd.read_csv(io.StringIO(text), sep=";", comment="#")
    assert set(table["Localidad"]) == {"Kennedy"}
    assert set(table["Fila"]) <= {"Total", "Desagregación"}
    assert "Total" in set(table["Fila"])


@pytest.mark.browser
def test_indicator_xlsx_has_an_about_sheet(page, app_url):
    page.goto(app_url + "/indicadores" + QUERY)
    settle(page)
    workbook = openpyxl.load_workbook(io.BytesIO(_download(page, "#ind-xlsx").read_bytes()))
    assert workbook.sheetnames[-1] == "acerca_de"
    about = dict(list(workbook["acerca_de"].iter_rows(values_only=True))[1:])
    assert about["Filtros"].startswith("Kennedy")
    assert "Datos al" in about


@pytest.mark.browser
def test_barreras_has_its_export(page, app_url):
    page.goto(app_url + "/barreras?desde=2024-01&hasta=2024-05")
    settle(page)
    text = _download(page, "#bar-csv").read_text(encoding="utf-8-sig")
    header = _header(text)
    assert header["Contenido"] == "Barreras y actividades destacadas"
    assert header["Corte"] and "Datos al" in header
    table = pd.read_csv(io.StringIO(text), sep=";", comment="#")
    assert list(table.columns) == ["Corte", "UTA", "Tipo", "Entidad", "Texto"]
    assert len(table) == int(page.inner_text("#barr-count").split()[0].replace(".", ""))


@pytest.mark.browser
def test_drill_list_says_it_lists_district_files_for_a_filtered_card(page, app_url):
    page.goto(app_url + "/indicadores" + QUERY)
    settle(page)
    page.click("#ind-lineage-accordion .accordion-button")
    note = page.locator("#ind-lineage-note")
    note.wait_for()
    assert "todo el Distrito" in note.inner_text() and "Kennedy" in note.inner_text()
    page.goto(app_url + f"/indicadores?desde=2024-01&hasta=2024-05&indicador={CODE}")
    settle(page)
    page.click("#ind-lineage-accordion .accordion-button")
    page.locator("#ind-lineage .ag-row").first.wait_for()
    assert page.locator("#ind-lineage-note").count() == 0


@pytest.mark.browser
def test_resumen_cards_have_a_definition_and_gauges_say_their_scope(page, app_url):
    page.goto(app_url + "/?desde=2024-01&hasta=2024-05&entidad=SDMUJER")
    settle(page)
    button = page.locator("[id$='-info']").first
    button.click()
    popover = page.locator(".popover")
    popover.wait_for()
    assert "Regla:" in popover.inner_text()
    assert page.locator(".gauge-note").first.is_visible()
    assert "toda la UTA" in page.locator(".gauge-note").first.inner_text()
