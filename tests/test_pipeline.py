"""Demo exports load, `dbt build` passes, and the query layer agrees with SQL on the marts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from warehouse.marts import indicators as marts


def test_dbt_build_produced_marts(built_warehouse):
    with built_warehouse.connect() as conn:
        localities = conn.execute(text("select count(*) from marts.dim_locality")).scalar_one()
        months = conn.execute(
            text("select min(period_month), max(period_month), count(*) from marts.dim_period")
        ).one()
        facts = conn.execute(text("select count(*) from marts.fct_indicator_values")).scalar_one()
    assert localities == 22
    # the default calendar (dbt_project.yml vars): the migration since 2015, the policy to 2035
    assert months == (date(2015, 1, 1), date(2035, 12, 1), 252)
    assert facts > 0


def test_stock_figure_is_last_month_not_sum(built_warehouse):
    with built_warehouse.connect() as conn:
        last_month, expected = conn.execute(
            text(
                "select period_month, sum(indicator_value) from marts.fct_indicator_values "
                "where indicator_code = 'UTA1_SISBEN' and is_total "
                "and period_month between '2024-01-01' and '2024-05-01' "
                "group by period_month order by period_month desc limit 1"
            )
        ).one()
        summed = conn.execute(
            text(
                "select sum(indicator_value) from marts.fct_indicator_values "
                "where indicator_code = 'UTA1_SISBEN' and is_total "
                "and period_month between '2024-01-01' and '2024-05-01'"
            )
        ).scalar_one()
    figure = marts.indicator_figure("UTA1_SISBEN", date(2024, 1, 1), date(2024, 5, 1))
    assert figure.aggregation_rule == "last"
    assert figure.value == expected
    assert figure.last_month == last_month
    assert figure.months_with_data > 1 and summed > expected
