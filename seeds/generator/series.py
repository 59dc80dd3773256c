"""Monthly values per indicator and locality for 2024, built so the deck's figures come out exactly.

A series maps month → {locality code → value}; '00' is the district-wide row (empty localidad).
"""

from __future__ import annotations

import random
from datetime import date

from seeds.generator.allocation import (
    allocate,
    jitter,
    largest_remainder,
    locality_weights,
)
from seeds.generator.catalog import DISTRICT, Catalog

Series = dict[date, dict[str, int]]

MONTHS: list[date] = [date(2024, m, 1) for m in range(1, 13)]
CUTOFF_C1 = MONTHS[:5]  # enero–mayo 2024

# The committee deck, cut-off enero–mayo 2024 (all localities, Distrito included).
DECK_FLOWS_C1: dict[str, int] = {
    "UTA1_SDIS_REFERENCIADOS": 235,
    "UTA1_INTEGRATE_ORIENTACIONES": 7218,
    "UTA1_MUJER_ATENDIDAS": 1214,
    "UTA1_IDIPRON_VINCULADOS": 40,
    "UTA2_HACIENDA_TERCEROS": 78987,
    "UTA2_SED_ORIENTADOS": 256352,
    "UTA2_SDDE_COMPETENCIAS": 111,
    "UTA2_IPES_FORMACION": 82,
    "UTA3_JUSTICIA_ORIENTACIONES": 3993,
    "UTA3_AMBIENTE_EDUCACION": 6982,
}
DECK_SISBEN_MAY = 806728  # stock at May 2024
DECK_EPS_JAN_APR_SUM = 4 * 259570  # monthly average Jan–Apr 2024 = 259.570
# Delegates in force at May 2024: 1 district delegate and 14 local ones across 13 localities.
DECK_DELEGATES_MAY: dict[str, int] = {
    DISTRICT: 1,
    "01": 1,
    "04": 1,
    "07": 1,
    "08": 2,
    "09": 1,
    "10": 1,
    "11": 1,
    "12": 1,
    "13": 1,
    "16": 1,
    "17": 1,
    "18": 1,
    "19": 1,
}

# Month-of-year activity pattern of services (holidays in January and December).
SEASON = [0.85, 0.95, 1.0, 1.05, 1.1, 1.0, 0.95, 1.05, 1.1, 1.1, 1.05, 0.8]

# Where small programmes operate (the rest of the localities get no rows).
PROGRAMME_LOCALITIES: dict[str, list[str]] = {
    "UTA1_IDIPRON_VINCULADOS": ["03", "04", "05", "07", "08", "10", "11", "14", "19"],
    "UTA2_IPES_FORMACION": ["03", "04", "07", "08", "10", "11", "14", "17", "18", "19"],
}
# Share of each month's flow recorded without a locality (Distrito), e.g. virtual attention.
DISTRICT_SHARE: dict[str, float] = {
    "UTA1_INTEGRATE_ORIENTACIONES": 0.04,
    "UTA3_JUSTICIA_ORIENTACIONES": 0.02,
}


def _spread(
    total: int, weights: dict[str, float], rng: random.Random, district_share: float
) -> dict[str, int]:
    district = round(total * district_share)
    values = allocate(total - district, jitter(weights, rng, 0.12))
    if district:
        values = {DISTRICT: district, **values}
    return values


def flow_series(code: str, catalog: Catalog, rng: random.Random) -> Series:
    """A flow whose Jan–May sum is the deck's figure; Jun–Dec follow the same level."""
    target = DECK_FLOWS_C1[code]
    month_weights = [SEASON[i] * rng.uniform(0.9, 1.1) for i in range(5)]
    totals = largest_remainder(target, month_weights)
    level = target / sum(SEASON[:5])
    for i in range(5, 12):
        growth = 1 + 0.015 * (i - 4)
        totals.append(max(0, round(level * SEASON[i] * growth * rng.uniform(0.9, 1.1))))
    if not catalog.indicators[code].by_locality:
        return {month: {DISTRICT: total} for month, total in zip(MONTHS, totals, strict=True)}
    weights = locality_weights(
        catalog.population, rng, only=PROGRAMME_LOCALITIES.get(code), noise=0.25
    )
    share = DISTRICT_SHARE.get(code, 0.0)
    return {
        month: _spread(total, weights, rng, share)
        for month, total in zip(MONTHS, totals, strict=True)
    }


def sisben_series(catalog: Catalog, rng: random.Random) -> Series:
    """Stock of migrants with a Sisbén survey: grows every month, exactly the deck at May."""
    increments = [rng.randint(7800, 9800) for _ in range(4)]  # Feb..May
    totals = [DECK_SISBEN_MAY - sum(increments)]
    for inc in increments:
        totals.append(totals[-1] + inc)
    for _ in range(7):  # Jun..Dec
        totals.append(totals[-1] + rng.randint(6000, 9000))
    weights = locality_weights(catalog.population, rng, noise=0.1)
    return {month: allocate(total, weights) for month, total in zip(MONTHS, totals, strict=True)}


def eps_series(catalog: Catalog, rng: random.Random) -> Series:
    """Monthly EPS affiliation: Jan–Apr average exactly the deck's, slowly growing after."""
    steps = [rng.randint(1500, 3500) for _ in range(3)]  # Feb, Mar, Apr over the previous month
    weighted = 3 * steps[0] + 2 * steps[1] + steps[2]
    steps[2] += (DECK_EPS_JAN_APR_SUM - weighted) % 4
    weighted = 3 * steps[0] + 2 * steps[1] + steps[2]
    totals = [(DECK_EPS_JAN_APR_SUM - weighted) // 4]
    for step in steps:
        totals.append(totals[-1] + step)
    for _ in range(8):  # May..Dec
        totals.append(totals[-1] + rng.randint(800, 2600))
    weights = locality_weights(catalog.population, rng, noise=0.1)
    return {month: allocate(total, weights) for month, total in zip(MONTHS, totals, strict=True)}


def delegates_series() -> Series:
    """Migrant delegates on the human-rights committees, in force at each month's end."""
    changes: dict[int, dict[str, int]] = {
        1: {
            DISTRICT: 1,
            **dict.fromkeys(("01", "04", "07", "08", "10", "11", "13", "16", "19"), 1),
        },
        2: {"09": 1},
        3: {"12": 1, "18": 1},
        4: {"17": 1},
        5: {"08": 2},
        7: {"02": 1},
        9: {"05": 1},
        11: {"11": 2},
    }
    series: Series = {}
    current: dict[str, int] = {}
    for month in MONTHS:
        current = {**current, **changes.get(month.month, {})}
        series[month] = dict(sorted(current.items()))
    assert series[MONTHS[4]] == dict(sorted(DECK_DELEGATES_MAY.items()))
    return series


DEMO_INDICATORS = [
    "UTA1_SISBEN",
    *DECK_FLOWS_C1,
    "UTA2_EPS_AFILIADOS",
    "UTA3_DELEGADOS_DDHH",
]


def build_series(catalog: Catalog, seed: int) -> dict[str, Series]:
    """The 2024 series of the deck's indicators (one seeded generator per indicator code).

    Indicators added to the catalogue later are not part of the demo: they need their own data.
    """
    result: dict[str, Series] = {}
    for code in DEMO_INDICATORS:
        if code not in catalog.indicators:
            raise ValueError(f"Indicator {code} is missing from seeds/catalog/indicators.csv")
        rng = random.Random(f"{seed}:{code}")
        if code in DECK_FLOWS_C1:
            result[code] = flow_series(code, catalog, rng)
        elif code == "UTA1_SISBEN":
            result[code] = sisben_series(catalog, rng)
        elif code == "UTA2_EPS_AFILIADOS":
            result[code] = eps_series(catalog, rng)
        elif code == "UTA3_DELEGADOS_DDHH":
            result[code] = delegates_series()
    return result
