"""URL query string <-> filter state: validation, quick picks, round trips and hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from dash_app.state import (
    FilterContext,
    FilterState,
    parse_query,
    period_bounds,
    pick_for,
    query_dict,
    to_query,
)

CTX = FilterContext(
    locality_codes=frozenset({"00", "01", "08", "11", "20"}),
    entity_codes=frozenset({"SDG", "SDP"}),
    uta_codes=frozenset({"UTA1", "UTA2", "TRANSVERSAL"}),
    cutoffs={"2024-C1": (date(2024, 1, 1), date(2024, 5, 1))},
    default_start=date(2024, 1, 1),
    default_end=date(2024, 5, 1),
)


def test_empty_query_gives_defaults_without_notice():
    parsed = parse_query({}, CTX)
    assert parsed.state == FilterState(date(2024, 1, 1), date(2024, 5, 1))
    assert parsed.notice is None


def test_full_query_parses_every_filter():
    query = query_dict("?desde=2024-02&hasta=2024-04&localidad=11,08&entidad=SDG&uta=UTA2")
    state = parse_query(query, CTX).state
    assert (state.start, state.end) == (date(2024, 2, 1), date(2024, 4, 1))
    assert state.localities == ("08", "11")
    assert state.locality_list == ["08", "11"]
    assert (state.entity, state.uta) == ("SDG", "UTA2")


def test_round_trip_through_the_url():
    state = FilterState(date(2023, 11, 1), date(2024, 3, 1), ("01", "20"), "SDP", "UTA1", True)
    search = to_query(state, {"indicador": "UTA1_SISBEN"})
    assert search.startswith("?desde=2023-11&hasta=2024-03&localidad=01,20")
    assert "indicador=UTA1_SISBEN" in search
    assert parse_query(query_dict(search), CTX).state == state


@pytest.mark.parametrize(
    ("pick", "bounds"),
    [
        ("2024-C1", (date(2024, 1, 1), date(2024, 5, 1))),
        ("2024-T2", (date(2024, 4, 1), date(2024, 6, 1))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 1))),
        ("2024-T5", None),
        ("1800", None),
        ("C1; drop table", None),
    ],
)
def test_quick_picks(pick, bounds):
    assert period_bounds(pick, CTX) == bounds


def test_period_pick_overrides_month_range():
    state = parse_query({"periodo": "2024-T1", "desde": "2023-01"}, CTX).state
    assert (state.start, state.end) == (date(2024, 1, 1), date(2024, 3, 1))


@pytest.mark.parametrize(
    "search",
    [
        "?desde=<script>alert(1)</script>",
        "?localidad=01,../../etc/passwd",
        "?localidad=99",
        "?entidad=SDG'%20or%201=1--",
        "?uta=UTA9",
        "?desde=2024-13",
        "?desde=2024-05&hasta=2024-01",
        "?presentacion=si",
        "?periodo=nunca",
        "?entidad=SDG&entidad=SDP",
        "?desde=" + "9" * 5000,
    ],
)
def test_hostile_values_fall_back_to_defaults_with_a_notice(search):
    parsed = parse_query(query_dict(search), CTX)
    default = parse_query({}, CTX).state
    assert parsed.notice is not None and "no son válidos" in parsed.notice
    for field in ("start", "end", "localities", "entity", "uta", "presentation"):
        if getattr(parsed.state, field) != getattr(default, field):
            pytest.fail(f"{field} kept a hostile value: {getattr(parsed.state, field)!r}")


def test_valid_keys_survive_next_to_invalid_ones():
    parsed = parse_query({"localidad": "08", "entidad": "NOPE"}, CTX)
    assert parsed.state.localities == ("08",)
    assert parsed.state.entity is None
    assert parsed.invalid == ("entidad",)


def test_cutoff_names_shortened_for_quick_picks():
    from dash_app.state.context import short_month_names

    assert short_month_names("enero–mayo 2024") == "ene–may 2024"
    assert short_month_names("septiembre–diciembre 2024") == "sep–dic 2024"


@pytest.mark.parametrize("pick", ["2024-C1", "2024-T1", "2024-T4", "2023", "2025-T2"])
def test_quick_pick_round_trips(pick):
    """The control shows the quick pick the period came from (not its placeholder)."""
    start, end = period_bounds(pick, CTX)
    assert pick_for(start, end, CTX) == pick


def test_no_quick_pick_for_other_periods():
    assert pick_for(date(2024, 2, 1), date(2024, 4, 1), CTX) is None
    assert pick_for(date(2024, 1, 1), date(2025, 12, 1), CTX) is None
