"""Distinct persons over a period (marts.person_count, fct_person_months) against a recount
straight from raw.person_services, on the demo's nominal register of the Secretaría de la Mujer."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from sqlalchemy import text

from warehouse.intake.pseudonym import pseudonymise
from warehouse.marts.persons import person_count
from warehouse.secrets import pseudonym_key
from warehouse.settings import get_settings

CODE = "UTA1_MUJER_ATENDIDAS"
JAN, MAY = date(2024, 1, 1), date(2024, 5, 1)
# The newest delivery of each entity, indicator and month, recounted from raw without dbt.
LATEST_RAW = """
    with ranked as (
        select r.*, dense_rank() over (
            partition by upper(trim(r.entidad)), upper(trim(r.indicador)), r.mes
            order by r.loaded_at desc, r.batch_id desc
        ) as delivery_rank
        from raw.person_services as r
    )
    select * from ranked
    where delivery_rank = 1 and upper(trim(indicador)) = :c and mes between :s and :e
"""


def _one(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).one()


def _person_count(engine, localities=None, entity=None):
    return _one(
        engine,
        "select * from marts.person_count(:c, :s, :e, cast(:l as text[]), cast(:ent as text))",
        c=CODE,
        s=JAN,
        e=MAY,
        l=localities,
        ent=entity,
    )


def test_person_count_equals_raw_recount_and_is_below_the_sum_of_months(built_warehouse):
    raw = _one(
        built_warehouse,
        f"with latest as ({LATEST_RAW}), monthly as ("
        " select mes, count(distinct persona_seudonimo) as persons from latest group by mes)"
        " select (select count(distinct persona_seudonimo) from latest) as distinct_persons,"
        " (select sum(persons) from monthly) as person_months,"
        " (select count(*) from monthly) as months",
        c=CODE,
        s=JAN,
        e=MAY,
    )
    result = _person_count(built_warehouse)
    assert result.indicator_code == CODE
    assert result.distinct_persons == raw.distinct_persons
    assert result.person_months == raw.person_months
    assert (result.months_with_data, result.first_month, result.last_month) == (5, JAN, MAY)
    # Women come back in later months: each counts once over the period, not once a month.
    assert 0 < result.distinct_persons < result.person_months
    # ... and the sum of the monthly counts is the deck's aggregated figure (1.214 for C1).
    figure = _one(
        built_warehouse,
        "select figure from marts.indicator_figure(:c, :s, :e)",
        c=CODE,
        s=JAN,
        e=MAY,
    ).figure
    assert result.person_months == figure == 1214


def test_monthly_register_matches_the_aggregated_indicator_by_locality(built_warehouse):
    """The demo register lists, each month and locality, as many women as the aggregated file."""
    with built_warehouse.connect() as conn:
        persons = dict(
            conn.execute(
                text(
                    "select period_month || '|' || locality_code, distinct_persons "
                    "from marts.fct_person_counts where indicator_code = :c and not is_total"
                ),
                {"c": CODE},
            ).all()
        )
        values = dict(
            conn.execute(
                text(
                    "select period_month || '|' || locality_code, indicator_value::integer "
                    "from marts.fct_indicator_values where indicator_code = :c and is_total "
                    # the register's year: the portal's tests deliver 2025 files for this
                    # indicator into the same session database, with no register behind them
                    "and period_month between '2024-01-01' and '2024-12-01' "
                    "and indicator_value > 0"
                ),
                {"c": CODE},
            ).all()
        )
    assert len(persons) > 100
    assert persons == values


def test_person_count_applies_localities_and_entity(built_warehouse):
    localities = ["08", "11"]
    raw = _one(
        built_warehouse,
        f"with latest as ({LATEST_RAW}) select count(distinct persona_seudonimo) as n,"
        " count(distinct mes::text || persona_seudonimo) as pm"
        " from latest where localidad_codigo = any(:l)",
        c=CODE,
        s=JAN,
        e=MAY,
        l=localities,
    )
    chosen = _person_count(built_warehouse, localities)
    everyone = _person_count(built_warehouse)
    assert (chosen.distinct_persons, chosen.person_months) == (raw.n, raw.pm)
    assert 0 < chosen.distinct_persons < everyone.distinct_persons
    assert _person_count(built_warehouse, entity="SDMUJER") == everyone
    other = _person_count(built_warehouse, entity="SDS")
    assert (other.distinct_persons, other.person_months, other.months_with_data) == (0, 0, 0)

    # The app's query layer returns exactly the function's row.
    app = person_count(CODE, JAN, MAY, localities)
    assert (app.distinct_persons, app.person_months, app.has_data) == (
        chosen.distinct_persons,
        chosen.person_months,
        True,
    )
    assert not person_count("UTA1_SISBEN", JAN, MAY).has_data


def test_demo_document_numbers_are_only_pseudonyms_in_the_database(
    built_warehouse, database_text_hits
):
    """The demo's (fake) document numbers reach the warehouse as pseudonyms only."""
    path = get_settings().demo_dir / "2024-03" / "SDMUJER_personas_2024-03.xlsx"
    sheet = load_workbook(path, read_only=True).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    documents = [
        (r[header.index("tipo_documento")], r[header.index("numero_documento")]) for r in rows
    ]
    sample = documents[:: max(1, len(documents) // 5)][:5]
    key = pseudonym_key()
    with built_warehouse.connect() as conn:
        stored = set(
            conn.execute(
                text(
                    "select person_pseudonym from marts.fct_person_months where period_month = :m"
                ),
                {"m": date(2024, 3, 1)},
            ).scalars()
        )
        hits = {number: database_text_hits(conn, number) for _, number in sample}
    assert len(stored) == len(set(documents)) == len(rows)
    assert {pseudonymise(kind, number, key) for kind, number in documents} == stored
    assert hits == {number: [] for _, number in sample}
