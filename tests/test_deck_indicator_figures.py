"""The committee deck's indicator figures (cut-off enero–mayo 2024) regenerated from the demo
exports, through the app's query layer, and cross-checked against hand-written SQL on the marts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from warehouse.marts import indicators as query

JAN, APR, MAY = date(2024, 1, 1), date(2024, 4, 1), date(2024, 5, 1)

# (indicator, from, to, deck figure). EPS is the deck's monthly average over its own Jan–Apr.
DECK_FIGURES = [
    ("UTA1_SISBEN", JAN, MAY, 806728),
    ("UTA1_SDIS_REFERENCIADOS", JAN, MAY, 235),
    ("UTA1_INTEGRATE_ORIENTACIONES", JAN, MAY, 7218),
    ("UTA1_MUJER_ATENDIDAS", JAN, MAY, 1214),
    ("UTA1_IDIPRON_VINCULADOS", JAN, MAY, 40),
    ("UTA2_EPS_AFILIADOS", JAN, APR, 259570),
    ("UTA2_HACIENDA_TERCEROS", JAN, MAY, 78987),
    ("UTA2_SED_ORIENTADOS", JAN, MAY, 256352),
    ("UTA2_SDDE_COMPETENCIAS", JAN, MAY, 111),
    ("UTA2_IPES_FORMACION", JAN, MAY, 82),
    ("UTA3_JUSTICIA_ORIENTACIONES", JAN, MAY, 3993),
    ("UTA3_AMBIENTE_EDUCACION", JAN, MAY, 6982),
]

# docs/dominio.md, "Cifras de la presentación": the 13 localities with local HR committee delegates.
HR_LOCALITIES = {
    "Usaquén",
    "San Cristóbal",
    "Bosa",
    "Kennedy",
    "Fontibón",
    "Engativá",
    "Suba",
    "Barrios Unidos",
    "Teusaquillo",
    "Puente Aranda",
    "Rafael Uribe Uribe",
    "La Candelaria",
    "Ciudad Bolívar",
}

# Hand-written, rule by rule, straight on the fact table (independent of the dbt macro).
MONTHLY = (
    "select period_month, sum(indicator_value) as v from marts.fct_indicator_values "
    "where indicator_code = :code and is_total and period_month between :start and :end "
    "and (cast(:localities as text[]) is null or locality_code = any(:localities)) "
    "group by period_month"
)
BY_RULE = {
    "sum": f"select sum(v) from ({MONTHLY}) m",
    "avg": f"select avg(v) from ({MONTHLY}) m",
    "last": f"select v from ({MONTHLY}) m order by period_month desc limit 1",
}


def _by_hand(engine, rule: str, code: str, start: date, end: date, localities=None):
    with engine.connect() as conn:
        return conn.execute(
            text(BY_RULE[rule]),
            {"code": code, "start": start, "end": end, "localities": localities},
        ).scalar_one()


@pytest.mark.parametrize(("code", "start", "end", "expected"), DECK_FIGURES)
def test_deck_figure(built_warehouse, code, start, end, expected):
    figure = query.indicator_figure(code, start, end)
    assert figure.value == expected
    assert figure.value == _by_hand(built_warehouse, figure.aggregation_rule, code, start, end)
    assert figure.first_month == start and figure.last_month == end


def test_sisben_is_the_may_stock_not_the_five_month_sum(built_warehouse):
    figure = query.indicator_figure("UTA1_SISBEN", JAN, MAY)
    five_month_sum = _by_hand(built_warehouse, "sum", "UTA1_SISBEN", JAN, MAY)
    may_alone = query.indicator_figure("UTA1_SISBEN", MAY, MAY)
    assert figure.aggregation_rule == "last" and figure.months_with_data == 5
    assert five_month_sum > figure.value == may_alone.value == 806728


def test_eps_is_a_monthly_average_not_a_sum(built_warehouse):
    figure = query.indicator_figure("UTA2_EPS_AFILIADOS", JAN, APR)
    monthly = query.monthly_totals("UTA2_EPS_AFILIADOS", JAN, APR)
    assert figure.aggregation_rule == "avg" and len(monthly) == 4
    assert figure.value == sum(monthly["value"]) / 4 < sum(monthly["value"])


def test_human_rights_delegates_district_and_localities(built_warehouse):
    codes = query.localities().set_index("locality_name")["locality_code"]
    hr_codes = [codes[name] for name in sorted(HR_LOCALITIES)]
    district = query.indicator_figure("UTA3_DELEGADOS_DDHH", JAN, MAY, ["00"])
    local = query.indicator_figure("UTA3_DELEGADOS_DDHH", JAN, MAY, hr_codes)
    assert district.value == 1
    assert local.value == 14
    assert local.value == _by_hand(
        built_warehouse, "last", "UTA3_DELEGADOS_DDHH", JAN, MAY, hr_codes
    )
    by_locality = query.figure_by_locality("UTA3_DELEGADOS_DDHH", JAN, MAY)
    with_delegates = by_locality[
        (by_locality["locality_code"] != "00") & (by_locality["figure"] > 0)
    ]
    assert set(with_delegates["locality_name"]) == HR_LOCALITIES
    assert with_delegates["figure"].sum() == 14


def test_figure_by_locality_equals_figure_for_that_locality(built_warehouse):
    for code in ("UTA1_SISBEN", "UTA2_EPS_AFILIADOS", "UTA1_INTEGRATE_ORIENTACIONES"):
        rows = query.figure_by_locality(code, JAN, MAY)
        assert len(rows) > 5
        for row in rows.itertuples():
            single = query.indicator_figure(code, JAN, MAY, [row.locality_code])
            assert float(single.value) == pytest.approx(row.figure), (code, row.locality_code)


def test_series_applies_the_rule_inside_each_bucket(built_warehouse):
    quarters = query.indicator_series("UTA1_SISBEN", JAN, date(2024, 12, 1), grain="quarter")
    assert list(quarters["bucket_label"]) == ["T1 2024", "T2 2024", "T3 2024", "T4 2024"]
    for row in quarters.itertuples():
        end = row.last_month
        assert row.figure == query.indicator_figure("UTA1_SISBEN", end, end).value

    months = query.indicator_series("UTA1_INTEGRATE_ORIENTACIONES", JAN, MAY, grain="month")
    assert list(months["bucket_label"]) == [
        "ene 2024",
        "feb 2024",
        "mar 2024",
        "abr 2024",
        "may 2024",
    ]
    assert months["figure"].sum() == 7218

    year = query.indicator_series("UTA2_EPS_AFILIADOS", JAN, APR, grain="year")
    assert list(year["bucket_label"]) == ["2024"] and year["figure"].iloc[0] == 259570
    with pytest.raises(ValueError):
        query.indicator_series("UTA1_SISBEN", JAN, MAY, grain="semana")


def test_breakdown_by_sex_adds_up_to_the_flow(built_warehouse):
    by_sex = query.indicator_breakdown("UTA1_SDIS_REFERENCIADOS", JAN, MAY, "sex")
    assert set(by_sex["category"]) <= {"hombre", "mujer", "intersexual"} and len(by_sex) >= 2
    assert by_sex["figure"].sum() == 235


def test_entity_filter(built_warehouse):
    own = query.indicator_figure("UTA1_SISBEN", JAN, MAY, entity_code="SDP")
    other = query.indicator_figure("UTA1_SISBEN", JAN, MAY, entity_code="SDG")
    assert own.value == 806728
    assert other.value is None and other.months_with_data == 0


def test_lineage_names_the_delivery_behind_each_month(built_warehouse):
    rows = query.lineage("UTA1_SISBEN", JAN, MAY, latest_only=True)
    assert list(rows["period_month"]) == [date(2024, m, 1) for m in range(1, 6)]
    assert rows["file_name"].str.len().min() > 0 and rows["file_sha256"].str.len().eq(64).all()
    may = rows[rows["period_month"] == MAY].iloc[0]
    assert may["value_total"] == 806728


def test_goal_progress_uses_the_rule(built_warehouse):
    goals = query.goal_progress("UTA1_SISBEN")
    assert len(goals) == 1
    goal = goals.iloc[0]
    expected = query.indicator_figure("UTA1_SISBEN", goal["goal_start_month"], goal["as_of_month"])
    assert goal["current_value"] == expected.value
    assert goal["progress_ratio"] == pytest.approx(float(expected.value) / goal["goal_value"])


def test_previous_equivalent_period():
    assert query.previous_period(JAN, MAY) == (date(2023, 1, 1), date(2023, 5, 1))
    assert query.previous_period(JAN, MAY, "preceding") == (date(2023, 8, 1), date(2023, 12, 1))
    assert query.previous_period(date(2024, 6, 1), date(2024, 8, 1), "preceding") == (
        date(2024, 3, 1),
        date(2024, 5, 1),
    )


def test_previous_period_figure(built_warehouse):
    later = query.indicator_figure(
        "UTA1_INTEGRATE_ORIENTACIONES", date(2024, 6, 1), date(2024, 10, 1)
    )
    earlier = query.previous_period_figure(
        "UTA1_INTEGRATE_ORIENTACIONES", date(2024, 6, 1), date(2024, 10, 1), mode="preceding"
    )
    assert earlier.value == 7218 and later.value is not None
