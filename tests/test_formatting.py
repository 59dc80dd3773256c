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


# --- Robustness: any number the database can hold (numeric, NaN, ±Infinity), never a crash ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from warehouse.formatting import format_change  # noqa: E402

EDGE_NUMBERS = st.one_of(
    st.none(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers().map(lambda n: n * 10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            Decimal("NaN"),
            Decimal("sNaN"),
            Decimal("Infinity"),
            Decimal("-Infinity"),
            Decimal("-0"),
            Decimal("1e308"),
            Decimal("99999999999999999999"),
            Decimal("1e-300"),
            Decimal("1e131071"),
            Decimal("1e999999999"),
            Decimal("-1e-999999999"),
            1e308,
            -1e308,
            5e-324,
        ]
    ),
)


@settings(max_examples=400, deadline=None)
@given(value=EDGE_NUMBERS, other=EDGE_NUMBERS, decimals=st.integers(min_value=0, max_value=4))
def test_formatting_never_raises_on_any_number(value, other, decimals):
    for text in (
        format_number(value, decimals),
        format_percent(value, decimals),
        format_change(value, other),
    ):
        assert text is None or (isinstance(text, str) and text)
    assert "NaN" not in format_number(value) and "Infinity" not in format_number(value)


def test_formatting_of_absurd_and_special_values():
    assert format_number(Decimal("NaN")) == "—" and format_number(float("nan")) == "—"
    assert format_number(Decimal("Infinity")) == "∞" and format_number(float("-inf")) == "-∞"
    assert format_number(1e308).startswith("100.000.000.000")
    assert format_number(Decimal("99999999999999999999")) == "99.999.999.999.999.999.999"
    assert format_number(Decimal("-0.4")) == "0"
    assert format_number(Decimal("1e999999999")) == "1,0 × 10^999999999"  # noqa: RUF001
    assert format_change(Decimal("NaN"), 5) is None
    assert format_change(5, Decimal("Infinity")) is None
