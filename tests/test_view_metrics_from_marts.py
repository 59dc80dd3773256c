"""The metrics the views used to compute in pandas now come from marts: the marts give the very
numbers the old pandas arithmetic gave (compliance per lead entity, deliveries per entity,
rate per 1.000 inhabitants and locality rank)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from warehouse.marts import calidad, indicadores, plan_de_accion, reference

COUNTS = ["n_totalmente_ejecutada", "n_iniciada", "n_no_iniciada"]
TOTALS = ["expected_activities", "reported_activities"]


@pytest.mark.parametrize("uta", [None, "UTA1", "TRANSVERSAL"])
def test_compliance_by_lead_entity_equals_the_old_pandas_rollup(built_warehouse, uta):
    by_entity = plan_de_accion.compliance_by_entity("2024-C1", uta_code=uta)
    old = by_entity.groupby("entity_short_name", as_index=False, sort=False)[
        COUNTS + TOTALS
    ].sum()  # the view's former arithmetic, kept here as the reference
    new = plan_de_accion.compliance_by_lead_entity("2024-C1", uta_code=uta)
    assert list(new["entity_short_name"]) == list(old["entity_short_name"])
    for column in COUNTS + TOTALS:
        assert list(new[column]) == list(old[column]), column
    assert list(new["n_not_reported"]) == list(
        old["expected_activities"] - old["reported_activities"]
    )
    for code in by_entity["entity_code"].unique():
        rows = by_entity[by_entity["entity_code"] == code]
        one = plan_de_accion.compliance_by_lead_entity("2024-C1", uta_code=uta, entity_code=code)
        expected, reported = int(rows[TOTALS[0]].sum()), int(rows[TOTALS[1]].sum())
        assert (int(one.at[0, TOTALS[0]]), int(one.at[0, TOTALS[1]])) == (expected, reported)
        assert one.at[0, "compliance_ratio"] == reported / expected


def test_delivery_counts_by_entity_equal_the_old_pandas_count(built_warehouse):
    frame = calidad.deliveries()
    entity = frame["entity_short_name"].fillna(frame["entity_code"]).fillna("sin entidad")
    table = pd.DataFrame(
        {
            "entity": entity,
            "accepted": (frame["status"] == "aceptado").astype(int),
            "rejected": (frame["status"] == "rechazado").astype(int),
        }
    )
    old = table.groupby("entity", sort=False).sum()
    new = calidad.delivery_counts_by_entity()
    names = new["entity_short_name"].fillna(new["entity_code"]).fillna("sin entidad")
    assert sorted(names) == sorted(old.index)
    for name, accepted, rejected in zip(names, new["accepted"], new["rejected"], strict=True):
        assert (accepted, rejected) == tuple(old.loc[name]), name
    totals = list(new["accepted"] + new["rejected"])
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize("code", ["UTA3_DELEGADOS_DDHH", "UTA1_SISBEN", "UTA2_EPS_AFILIADOS"])
def test_rate_and_rank_per_locality_equal_the_old_pandas_arithmetic(built_warehouse, code):
    frame = indicadores.figure_by_locality(code, date(2024, 1, 1), date(2024, 5, 1))
    assert not frame.empty
    population = reference.localities().set_index("locality_code")["population_2024"]
    localities = frame[frame["is_locality"].astype(bool)]
    for row in localities.itertuples():
        old_rate = float(row.value) / float(population[row.locality_code]) * 1000
        assert row.rate_per_1000 == old_rate
    values = localities.dropna(subset=["value"])
    ranks = (
        values.set_index("locality_code")["value"].astype(float).rank(ascending=False, method="min")
    )
    for row in values.itertuples():
        assert (row.locality_rank, row.ranked_localities) == (
            ranks[row.locality_code],
            len(values),
        )
    assert frame[~frame["is_locality"].astype(bool)]["locality_rank"].isna().all()
