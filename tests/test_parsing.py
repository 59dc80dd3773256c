"""Parsers for values as entities write them."""

from datetime import date
from decimal import Decimal

import pytest

from warehouse.intake.parsing import normalize_name, parse_bool, parse_month, parse_number


@pytest.mark.parametrize(
    "text",
    [
        "2024-05",
        "2024-05-01",
        "05/2024",
        "may-2024",
        "Mayo 2024",
        "mayo de 2024",
        "2024-05-01T00:00:00",
        "45413",  # Excel serial of 2024-05-01
        "2024/05",
        "may-24",  # mmm-aa, as Spanish Excel saves a month cell to CSV
        "May.-24",
    ],
)
def test_month_formats(text):
    assert parse_month(text) == date(2024, 5, 1)


@pytest.mark.parametrize("text", ["2024-13", "mayo", "13/2024", "abc", "12345"])
def test_bad_months_raise(text):
    with pytest.raises(ValueError):
        parse_month(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("05/25", "mes/año"), ("25-may", "sin año"), ("2024", "solo un año"), ("mayo 24", "día")],
)
def test_ambiguous_months_are_refused_with_the_reason(text, reason):
    from warehouse.intake.parsing import AmbiguousMonth

    with pytest.raises(AmbiguousMonth, match=reason):
        parse_month(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.214", "1214"),
        ("1.214,5", "1214.5"),
        ("806728", "806728"),
        ("12,5", "12.5"),
        ("1,214", "1.214"),
        ("1,214,000", "1214000"),
        ("806.728", "806728"),
    ],
)
def test_colombian_numbers(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["doce", "1.2.3,4,5", "NaN", "inf", ""])
def test_bad_numbers_raise(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_booleans_and_names():
    assert parse_bool("Sí") is True
    assert parse_bool("No asiste") is False
    assert normalize_name(" Grupo Edad ") == "grupo_edad"
    assert normalize_name("Calificación") == "calificacion"
