"""Indicator marts: cut-off figures agree with the figure function, lineage is complete, and a new
catalogue row plus a delivery reaches the marts with no code change (in its own database)."""

from __future__ import annotations

import csv
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from warehouse.marts import indicators as query
from warehouse.settings import PROJECT_ROOT, Settings

NEW_CODE = "UTA3_PRUEBA_CONVIVENCIA"


def test_cutoff_figures_equal_the_figure_function(built_warehouse):
    with built_warehouse.connect() as conn:
        rows = conn.execute(
            text(
                "select c.indicator_code, c.figure, c.window_start_month, c.window_end_month, "
                "k.start_month, k.end_month "
                "from marts.mart_indicator_cutoff_figures c "
                "join marts.dim_cutoff k using (cutoff_code) "
                "where c.cutoff_code = '2024-C1' and c.locality_scope = 'todas'"
            )
        ).all()
    assert len(rows) == len(query.indicators())
    for row in rows:
        figure = query.indicator_figure(
            row.indicator_code, row.window_start_month, row.window_end_month
        )
        assert figure.value == row.figure, row.indicator_code
        # The app's headline figure for the cut-off covers the same window.
        window = query.figure_window(row.indicator_code, row.start_month, row.end_month)
        assert (window.start, window.end) == (row.window_start_month, row.window_end_month)
    figures = {r.indicator_code: r.figure for r in rows}
    assert figures["UTA1_SISBEN"] == 806728
    # EPS is reported with a month's lag: the enero–mayo cut-off gives the deck's Jan–Apr average.
    assert figures["UTA2_EPS_AFILIADOS"] == 259570
    windows = {r.indicator_code: (r.window_start_month, r.window_end_month) for r in rows}
    assert windows["UTA2_EPS_AFILIADOS"] == (date(2024, 1, 1), date(2024, 4, 1))
    assert windows["UTA1_SISBEN"] == (date(2024, 1, 1), date(2024, 5, 1))


def test_catalogue_carries_uta_and_entity_names(built_warehouse):
    catalogue = query.indicators()
    assert catalogue[["uta_label", "entity_short_name", "entity_name"]].notna().all().all()
    sisben = catalogue.set_index("indicator_code").loc["UTA1_SISBEN"]
    assert sisben["uta_label"] == "UTA 1 – Acogida e Inclusión"
    assert sisben["entity_short_name"] == "Planeación"


def test_lineage_has_one_latest_delivery_per_month_matching_the_fact(built_warehouse):
    with built_warehouse.connect() as conn:
        several_latest = conn.execute(
            text(
                # one latest delivery per month with a figure; none for a month whose every
                # delivery was returned (a returned delivery feeds no figure)
                "select l.indicator_code, l.period_month from marts.mart_indicator_lineage l "
                "group by l.indicator_code, l.period_month "
                "having count(*) filter (where l.is_latest) <> case when exists ("
                "  select 1 from marts.fct_indicator_values f "
                "  where f.indicator_code = l.indicator_code "
                "  and f.period_month = l.period_month) then 1 else 0 end"
            )
        ).all()
        mismatched = conn.execute(
            text(
                "select l.indicator_code, l.period_month from marts.mart_indicator_lineage l "
                "join (select indicator_code, period_month, sum(indicator_value) as total "
                "      from marts.fct_indicator_values where is_total and not is_derived_total "
                "      group by 1, 2) f using (indicator_code, period_month) "
                "where l.is_latest and l.value_total is distinct from f.total"
            )
        ).all()
    assert several_latest == []
    assert mismatched == []


@pytest.fixture
def isolated_settings(database_url, tmp_path):
    """A copy of the dbt project and catalogue, and a database of its own on the same server."""
    project = tmp_path / "dbt_project"
    shutil.copytree(
        PROJECT_ROOT / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs")
    )
    shutil.copytree(PROJECT_ROOT / "seeds" / "catalog", tmp_path / "seeds" / "catalog")
    name = f"tablero_iso_{uuid.uuid4().hex[:8]}"
    server = make_url(database_url).set(drivername="postgresql+psycopg")
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    settings = Settings(
        DATABASE_URL=url.replace("postgresql+psycopg", "postgresql"),
        dbt_project_dir=project,
        dbt_target_dir=tmp_path / "target",
        catalog_dir=tmp_path / "seeds" / "catalog",
    )
    yield settings
    with admin.connect() as conn:
        conn.execute(text(f'drop database if exists "{name}" with (force)'))
    admin.dispose()


def _append_indicator(catalog: Path) -> None:
    path = catalog / "indicators.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    row = {
        "indicator_code": NEW_CODE,
        "indicator_name": "Personas migrantes en espacios de convivencia (prueba)",
        "definition": "Indicador de prueba: promedio mensual de participantes.",
        "unit": "personas",
        "entity_code": "SDG",
        "uta_code": "UTA3",
        "frequency": "mensual",
        "aggregation_rule": "avg",
        "allowed_disaggregations": "localidad,sexo",
        "is_publishable": "true",
        "sort_order": "99",
    }
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([row.get(column, "") for column in header])


def _deliver(engine, settings, folder: Path, name: str, lines: list[str]):
    from warehouse.intake.loader import load_bytes

    path = folder / name
    path.write_text("entidad;indicador;localidad;mes;valor;sexo\n" + "\n".join(lines) + "\n")
    result = load_bytes(engine, path, path.read_bytes(), submitter="prueba", settings=settings)
    assert result.status == "aceptado", result.message
    return result


def test_new_catalogue_row_and_delivery_reach_the_marts(isolated_settings, tmp_path):
    from warehouse.db import get_engine
    from warehouse.dbt_runner import run_dbt
    from warehouse.schema import ensure_schema

    settings = isolated_settings
    _append_indicator(settings.catalog_dir)
    engine = get_engine(settings)
    ensure_schema(engine)

    seeded = run_dbt(["seed"], settings)  # a bare seed runs the on-run-end hook and must pass
    assert seeded.success, seeded.failures
    with engine.connect() as conn:
        assert conn.execute(text("select to_regproc('marts.indicator_figure')")).scalar() is None

    first = _deliver(
        engine,
        settings,
        tmp_path,
        "SDG_prueba_1.csv",
        [
            f"SDG;{NEW_CODE};USAQUEN;2024-01;10;",
            f"SDG;{NEW_CODE};Kenedy;2024-01;20;",
            f"SDG;{NEW_CODE};Usaquén;2024-02;30;",
            f"SDG;{NEW_CODE};08 - Kennedy;2024-02;40;",
            f"SDG;{NEW_CODE};Suba;2024-03;5;mujer",  # only by sex: total derived = 13
            f"SDG;{NEW_CODE};Suba;2024-03;8;hombre",
        ],
    )
    second = _deliver(  # February again: replaces the first delivery's February as a whole
        engine,
        settings,
        tmp_path,
        "SDG_prueba_2.csv",
        [f"SDG;{NEW_CODE};Usaquén;2024-02;33;", f"SDG;{NEW_CODE};Kennedy;2024-02;44;"],
    )
    built = run_dbt(["build"], settings)
    assert built.success, built.failures

    with engine.connect() as conn:
        totals = conn.execute(
            text(
                "select period_month, sum(indicator_value) as total, bool_or(is_derived_total) "
                "as derived, max(batch_id) as batch from marts.fct_indicator_values "
                "where indicator_code = :c and is_total group by period_month order by 1"
            ),
            {"c": NEW_CODE},
        ).all()
        figure = conn.execute(
            text("select * from marts.indicator_figure(:c, '2024-01-01', '2024-03-01')"),
            {"c": NEW_CODE},
        ).one()
        lineage = conn.execute(
            text(
                "select batch_id, is_latest from marts.mart_indicator_lineage "
                "where indicator_code = :c and period_month = '2024-02-01' order by batch_id"
            ),
            {"c": NEW_CODE},
        ).all()
        catalogue = conn.execute(
            text("select uta_label from marts.dim_indicator where indicator_code = :c"),
            {"c": NEW_CODE},
        ).scalar_one()
    assert [(t.period_month, t.total, t.derived) for t in totals] == [
        (date(2024, 1, 1), 30, False),
        (date(2024, 2, 1), 77, False),
        (date(2024, 3, 1), 13, True),
    ]
    assert totals[1].batch == second.delivery_id
    assert (figure.aggregation_rule, figure.figure, figure.months_with_data) == ("avg", 40, 3)
    assert lineage == [(first.delivery_id, False), (second.delivery_id, True)]
    assert catalogue == "UTA 3 – Cohesión Social"

    # The safe build renames marts_next to marts: the functions must follow their tables.
    with engine.begin() as conn:
        conn.execute(text("alter schema marts rename to marts_renamed"))
        moved = conn.execute(
            text(
                "select figure from marts_renamed.indicator_figure(:c, '2024-01-01', '2024-03-01')"
            ),
            {"c": NEW_CODE},
        ).scalar_one()
    assert moved == 40


def test_loader_calendar_equals_dim_period(built_warehouse):
    """The loader rejects months outside dim_period; both read dbt_project.yml's vars."""
    from warehouse.calendar import calendar_bounds

    with built_warehouse.connect() as conn:
        first, last = conn.execute(
            text("select min(period_month), max(period_month) from marts.dim_period")
        ).one()
    assert (first, last) == calendar_bounds()
