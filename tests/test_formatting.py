"""es-CO formatting of figures shown to people."""

from datetime import date
from decimal import Decimal

from warehouse.formatting import format_month, format_month_range, format_number, format_percent


def test_thousands_use_dots():
    assert format_number(806728) == "806.728"
    assert format_number(Decimal("259570")) == "259.570"
    assert format_number(40) == "40"


def test_decimals_use_comma():
    assert format_number(1214.5, decimals=1) == "1.214,5"


def test_percent_has_space_and_rounds():
    assert format_percent(32 / 48) == "67 %"
    assert format_percent(10 / 16) == "63 %"
    assert format_percent(None) == "—"


def test_months_in_spanish():
    assert format_month(date(2024, 1, 1)) == "ene 2024"
    assert format_month_range(date(2024, 1, 1), date(2024, 5, 1)) == "ene 2024 – may 2024"
    assert format_month_range(date(2024, 5, 1), date(2024, 5, 1)) == "may 2024"


def test_datetimes_in_bogota_time_and_spanish():
    from datetime import UTC, datetime

    from warehouse.formatting import format_date, format_datetime

    assert format_datetime(datetime(2024, 6, 14, 17, 5, tzinfo=UTC)) == "14 jun 2024, 12:05"
    assert format_datetime(None) == "—"
    assert format_date(date(2024, 6, 14)) == "14 jun 2024"


def test_change_against_previous_period():
    from warehouse.formatting import format_change

    assert format_change(120, 100) == "▲ 20 % frente al mismo periodo del año anterior"
    assert (
        format_change(Decimal("75"), Decimal("100"))
        == "▼ 25 % frente al mismo periodo del año anterior"
    )
    assert format_change(5, None) is None
    assert format_change(5, 0) is None
