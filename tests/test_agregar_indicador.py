"""docs/agregar_indicador.md, performed: on a temporary copy of the project (catalogue and dbt
project) and a database of its own, the document's catalogue rows, calendar edit, template,
check, load, build and figure commands are run as written, with its historical series from an
external source (months from 2019), and the answers are asserted — so the guide can't go stale.

Nothing in this test edits Python: what the data team does is what the document says."""

from __future__ import annotations

import csv
import re
import shlex
import shutil
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from warehouse import db as warehouse_db
from warehouse.cli import app
from warehouse.formatting import format_change, format_figure, format_number
from warehouse.settings import PROJECT_ROOT, Settings, get_settings

DOC = PROJECT_ROOT / "docs" / "agregar_indicador.md"
CODE = "EXT_MIGCOL_VENEZOLANOS"
METRIC = "EXT_MIGCOL_VENEZOLANOS_TASA"
METRIC_MODEL = "metric_ext_migcol_venezolanos_tasa"
runner = CliRunner()


def section(marker: str) -> str:
    """The text between <!-- marker:inicio --> and <!-- marker:fin -->, fences removed."""
    found = re.search(
        rf"<!-- {marker}:inicio -->(.*?)<!-- {marker}:fin -->",
        DOC.read_text(encoding="utf-8"),
        re.S,
    )
    assert found, f"docs/agregar_indicador.md has no {marker} section"
    return re.sub(r"^```\w*$", "", found.group(1).strip(), flags=re.M).strip()


def commands(marker: str) -> list[list[str]]:
    lines = [line.strip() for line in section(marker).splitlines()]
    found = [shlex.split(line)[1:] for line in lines if line.startswith("tablero ")]
    assert found, f"no `tablero` command in {marker}"
    return found


def series_rows() -> list[list[str]]:
    lines = [line.strip() for line in section("serie").splitlines() if line.strip()]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return rows[2:]  # header and separator


def run(args: list[str]):
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _copy_project(root: Path) -> None:
    ignore = shutil.ignore_patterns("target", "logs", "dbt_packages", "__pycache__")
    shutil.copytree(PROJECT_ROOT / "dbt_project", root / "dbt_project", ignore=ignore)
    shutil.copytree(PROJECT_ROOT / "seeds" / "catalog", root / "seeds" / "catalog")


def _append_row(path: Path, row: str) -> None:
    content = path.read_text(encoding="utf-8")
    path.write_text(content.rstrip("\n") + "\n" + row.strip() + "\n", encoding="utf-8")


def _apply_calendar(project_yml: Path) -> None:
    content = project_yml.read_text(encoding="utf-8")
    for line in section("calendario").splitlines():
        key = line.split(":", 1)[0].strip()
        setting = line.strip().replace("\\", "\\\\")
        content, replaced = re.subn(rf"^(\s*){key}:.*$", rf"\g<1>{setting}", content, flags=re.M)
        assert replaced == 1, key
    project_yml.write_text(content, encoding="utf-8")


def _fill_template(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["datos"]
    headers = [cell.value for cell in sheet[1] if cell.value]
    for index, row in enumerate(series_rows(), start=2):
        entity, indicator, locality, month, value = row
        cells = {
            "entidad": entity,
            "indicador": indicator,
            "localidad": locality or None,
            "mes": month,
            "valor": int(value),
        }
        for column, header in enumerate(headers, start=1):
            sheet.cell(row=index, column=column, value=cells.get(header))
    workbook.save(path)


@pytest.fixture(scope="module")
def performed(tmp_path_factory, database_url):
    """Steps 1–6 of the document on a copy of the project, in a database of its own."""
    root = tmp_path_factory.mktemp("proyecto")
    _copy_project(root)
    catalog = root / "seeds" / "catalog"
    _append_row(catalog / "entities.csv", section("fuente"))  # 1. a source
    _append_row(catalog / "indicators.csv", section("indicador"))  # 2. the indicator
    # 8. a derived indicator: one catalogue row, one model and its YAML (built with step 6)
    _append_row(catalog / "indicators.csv", section("metrica-indicador"))
    metrics = root / "dbt_project" / "models" / "metrics"
    (metrics / f"{METRIC_MODEL}.sql").write_text(section("metrica-modelo") + "\n", "utf-8")
    (metrics / f"_{METRIC_MODEL}.yml").write_text(section("metrica-yaml") + "\n", "utf-8")
    _apply_calendar(root / "dbt_project" / "dbt_project.yml")  # 3. the calendar
    server = warehouse_db.resolve_url(Settings())
    name = f"tablero_doc_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("DATABASE_URL", url.replace("postgresql+psycopg", "postgresql"))
        patch.setenv("TABLERO_DBT_PROJECT_DIR", str(root / "dbt_project"))
        patch.setenv("TABLERO_DBT_TARGET_DIR", str(root / "dbt_project" / "target"))
        patch.setenv("TABLERO_CATALOG_DIR", str(catalog))
        patch.setenv("TABLERO_DATA_DIR", str(root / "datos"))
        get_settings.cache_clear()
        warehouse_db.clear_engines()
        from warehouse.schema import ensure_schema

        ensure_schema(warehouse_db.get_engine())
        outputs = {}
        for marker in ("comandos-plantilla", "comandos-revisar", "comandos-cargar"):
            for args in commands(marker):
                if marker == "comandos-revisar":
                    _fill_template(root / args[-1])  # 4. the series, into the template
                outputs[" ".join(args)] = run(args)
        yield root, outputs
        get_settings.cache_clear()
        warehouse_db.clear_engines()
    get_settings.cache_clear()
    warehouse_db.clear_engines()
    with admin.connect() as conn:
        conn.execute(text(f'drop database if exists "{name}" with (force)'))
    admin.dispose()


def _district_population(year: int) -> int:
    with (PROJECT_ROOT / "seeds" / "catalog" / "locality_population.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    return sum(int(r["population"]) for r in rows if int(r["population_year"]) == year)


def test_the_series_passes_the_check_and_loads_and_builds(performed):
    _, outputs = performed
    assert len(series_rows()) >= 10 and series_rows()[0][3].startswith("2019-")
    for command, result in outputs.items():
        assert result.exit_code == 0, f"{command}: {result.output}"


def test_latest_available_value_with_its_month_and_rate_of_its_year(performed):
    latest = commands("comandos-comprobar")[0]
    result = run(latest)
    assert result.exit_code == 0, result.output
    value = {r[3]: int(r[4]) for r in series_rows()}["2023-12"]
    assert f"Valor: {format_number(value)} personas" in result.output
    assert "último valor disponible: dato de dic 2023" in result.output
    population = _district_population(2023)
    rate = format_number(Decimal(value) / Decimal(population) * 1000, 2)
    assert f"Tasa: {rate} por 1.000 habitantes" in result.output
    assert f"población 2023: {format_number(population)}" in result.output


def test_past_its_validity_the_stock_has_no_data(performed):
    expired = commands("comandos-comprobar")[1]
    result = run(expired)
    assert result.exit_code == 0, result.output
    assert "sin datos en el periodo" in result.output


def test_the_app_reads_the_series_and_a_year_over_year_change(performed):
    from dash_app.state import FilterState
    from dash_app.views import common
    from warehouse.marts import indicadores

    values = {date.fromisoformat(r[3] + "-01"): int(r[4]) for r in series_rows()}
    series = indicadores.series(CODE, date(2019, 1, 1), date(2024, 12, 1), None, "month")
    assert dict(zip(series["bucket_month"], series["value"].astype(int), strict=True)) == values
    # A quarter with no data month: the card shows December's value, labelled, and compares it
    # with the value 12 months before it, naming both months (never overlapping windows).
    state = FilterState(date(2024, 1, 1), date(2024, 3, 1))
    result = common.indicator_figure(CODE, state)
    assert result["value"] == values[date(2023, 12, 1)]
    assert "dato de dic 2023" in common.figure_footnote(result, "personas")
    previous = common.previous_figure(CODE, state)
    assert previous["value"] == values[date(2022, 12, 1)]
    assert common.change_text(result, previous) == format_change(
        values[date(2023, 12, 1)],
        values[date(2022, 12, 1)],
        "dic 2022 (dato de dic 2023 frente al de 12 meses antes)",
    )
    assert common.change_text(result, previous).startswith("▲ 15 % frente a dic 2022")
    assert "población 2023" in common.rate_text(CODE, state)


def test_the_calendar_is_the_documented_one_for_dbt_and_the_loader(performed):
    root, _ = performed
    first = date.fromisoformat(re.search(r'"(\d{4}-\d{2}-\d{2})"', section("calendario")).group(1))
    with warehouse_db.get_engine().connect() as conn:
        built = conn.execute(text("select min(period_month) from marts.dim_period")).scalar_one()
    assert built == first
    early = root / "antes_del_calendario.csv"
    before = date(first.year - 1, 12, 1).strftime("%Y-%m")
    early.write_text(
        f"entidad;indicador;localidad;mes;valor\nMIGCOL;{CODE};;{before};1\n", encoding="utf-8"
    )
    result = run(["check", str(early)])
    assert result.exit_code != 0
    assert f"anterior a enero de {first.year}" in result.output


def test_an_external_source_counts_for_neither_quorum_nor_compliance(performed):
    root, _ = performed
    with warehouse_db.get_engine().connect() as conn:
        member = conn.execute(
            text("select is_committee_member from marts.dim_entity where entity_code = 'MIGCOL'")
        ).scalar_one()
    assert member is False
    attendance = root / "asistencia_migcol.csv"
    attendance.write_text("fecha_sesion;entidad;asiste\n2024-06-20;MIGCOL;si\n", encoding="utf-8")
    result = run(["check", str(attendance)])
    assert result.exit_code != 0
    assert "fuente externa" in result.output


def test_a_derived_ratio_written_as_a_dbt_model_gives_the_ratio_of_the_aggregates(performed):
    """Step 8: the documented catalogue row, model and YAML, built; `tablero figure` over 2023
    divides December's stock (rule last) by 2023's population — not the average of the June
    and December rates — formatted as a rate, with the model's description as its formula."""
    build, figure = commands("metrica-comprobar")
    assert build == ["build"]
    result = run(figure)
    assert result.exit_code == 0, result.output
    values = {r[3]: Decimal(r[4]) for r in series_rows()}
    population = Decimal(_district_population(2023))
    expected = values["2023-12"] / population * 1000
    average_of_rates = (values["2023-06"] + values["2023-12"]) / 2 / population * 1000
    assert format_figure(expected, 1000) != format_figure(average_of_rates, 1000)
    shown = f"Valor: {format_figure(expected, 1000)} (2 meses con dato)"
    assert shown in result.output
    assert shown.removeprefix("Valor: ").split(" (")[0] in section_text_after("metrica-comprobar")
    assert "Fórmula: Personas venezolanas en Bogotá" in result.output
    from warehouse.marts import indicadores

    lineage = indicadores.lineage(METRIC, date(2023, 1, 1), date(2023, 12, 1))
    assert set(lineage["indicator_code"]) == {CODE} and len(lineage) == 2
    catalogue = indicadores.catalogue().set_index("indicator_code")
    assert catalogue.loc[METRIC, "formula"].startswith("Personas venezolanas en Bogotá")


def section_text_after(marker: str) -> str:
    """The paragraph of the document right after a section (what it says the command prints)."""
    text = DOC.read_text(encoding="utf-8")
    return text.split(f"<!-- {marker}:fin -->", 1)[1][:400]
