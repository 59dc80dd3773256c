"""The review state reaches the figures: a delivery still «recibido» changes the internal
figures but neither the public page nor the «solo validados» view; once validated (and built)
it changes both; once returned it feeds no figure at all (the month keeps the demo's delivery)."""

from __future__ import annotations

from datetime import date

from warehouse import delivery, reviews
from warehouse.dbt_runner import safe_build
from warehouse.marts import indicators, publico
from warehouse.users import User

from .conftest import indicator_csv

EDITOR = User(9101, "enlace.validados@prueba.gov.co", "editor", "SDMUJER", True)
ADMIN = User(9102, "admin.validados@prueba.gov.co", "admin", None, True)
CODE, CUTOFF = "UTA1_MUJER_ATENDIDAS", "2024-C3"
START, END = date(2024, 9, 1), date(2024, 12, 1)


def public_district_figure():
    frame = publico.figures(CUTOFF)
    row = frame[(frame["indicator_code"] == CODE) & (frame["locality_scope"] == "todas")]
    return row["figure"].iloc[0]


def internal(validated: bool = False):
    return indicators.indicator_figure(CODE, START, END, validated=validated).value


def build() -> None:
    outcome = safe_build()
    assert outcome.success, outcome.failures


def test_public_page_changes_only_after_validation(built_warehouse):
    public_before, internal_before = public_district_figure(), internal()
    assert internal(validated=True) == internal_before  # the demo's deliveries are validated
    outcome = delivery.deliver(
        built_warehouse, "mujer_2024-12.csv", indicator_csv("SDMUJER", "2024-12", 7), EDITOR
    )
    assert outcome.accepted, outcome.result.problems
    delivery_id = outcome.result.delivery_id
    try:
        build()  # «recibido»: internal figures follow it, validated ones do not
        assert public_district_figure() == public_before
        assert internal(validated=True) == internal_before
        assert internal() != internal_before

        reviews.review(built_warehouse, delivery_id, "validado", "", ADMIN)
        build()
        assert public_district_figure() != public_before
        assert internal(validated=True) == internal()
    finally:  # a returned delivery counts nowhere: the demo's December comes back
        reviews.review(built_warehouse, delivery_id, "devuelto", "Prueba: se retira.", ADMIN)
        build()
    assert public_district_figure() == public_before
    assert internal() == internal_before
    assert internal(validated=True) == internal_before
