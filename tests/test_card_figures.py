"""Resumen's cards in few round trips: marts.indicator_figures (one call for many windows) gives
exactly what marts.indicator_figure gives one by one, and the cards' figures and comparisons
fetched together equal the ones the views fetch per indicator."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from dash_app.state import FilterState
from dash_app.views import common
from warehouse.marts import cards, indicators

STATES = [
    FilterState(date(2024, 1, 1), date(2024, 5, 1)),  # a cut-off: late sources use their window
    FilterState(date(2024, 6, 1), date(2024, 12, 1), ("08", "19")),
    FilterState(date(2023, 1, 1), date(2024, 12, 1), (), "SDMUJER"),  # > 12 months: no change
    FilterState(date(2024, 3, 1), date(2024, 3, 1), ("11",), None, None, False, True),
]


def _codes(engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text("select indicator_code from marts.dim_indicator order by sort_order")
            ).scalars()
        )


@pytest.mark.parametrize("state", STATES, ids=range(len(STATES)))
def test_one_call_equals_one_call_per_indicator(built_warehouse, state):
    codes = [*_codes(built_warehouse), "NO_EXISTE"]
    windows = [(code, state.start, state.end) for code in codes]
    windows += [(code, date(2023, 6, 1), date(2023, 6, 1)) for code in codes]  # two per code
    batch = cards.indicator_figures(
        windows, state.locality_list, state.entity, state.validated_only
    )
    one_by_one = [
        indicators.indicator_figure(
            code, start, end, state.locality_list, state.entity, state.validated_only
        )
        for code, start, end in windows
    ]
    assert batch == one_by_one
    assert any(f.value is not None for f in batch)  # not all empty
    assert batch[len(codes) - 1].value is None  # the unknown code: an empty figure


@pytest.mark.parametrize("state", STATES, ids=range(len(STATES)))
def test_cards_fetched_together_equal_the_views_per_indicator(built_warehouse, state):
    codes = _codes(built_warehouse)
    together = common.card_figures(codes, state)
    for code in codes:
        assert together[code] == (
            common.indicator_figure(code, state),
            common.previous_figure(code, state),
        ), code
    windows = cards.figure_windows(codes, state.start, state.end)
    assert windows == {c: indicators.figure_window(c, state.start, state.end) for c in codes}
    if state.start == date(2024, 1, 1):  # the cut-off enero–mayo: EPS reports until April
        assert windows["UTA2_EPS_AFILIADOS"].end == date(2024, 4, 1)
    if state.start.year == 2024 and state.start.month > 1:
        assert any(previous["value"] is not None for _, previous in together.values())
