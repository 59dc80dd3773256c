"""The 2023 history of the demo indicators (the policy's first year), below the 2024 level.

Derived from the finished 2024 series with its own seeded generator per indicator, so the 2024
values (and the deck's Jan–May 2024 figures) do not change. Flows run at roughly 70–90 % of the
same 2024 month, stocks grow month after month into their January 2024 value, and there were
fewer human-rights delegates.
"""

from __future__ import annotations

import random
from datetime import date

from seeds.generator.allocation import allocate, jitter
from seeds.generator.catalog import DISTRICT, Catalog
from seeds.generator.series import DISTRICT_SHARE, MONTHS, Series

MONTHS_2023: list[date] = [date(2023, m, 1) for m in range(1, 13)]
FLOW_RULE = "sum"


def _flow_history(code: str, later: Series, catalog: Catalog, rng: random.Random) -> Series:
    """Each 2023 month a share of the same 2024 month, the share rising through the year."""
    start, end = rng.uniform(0.70, 0.76), rng.uniform(0.84, 0.90)
    totals = []
    for i, month in enumerate(MONTHS):
        share = (start + (end - start) * i / 11) * rng.uniform(0.95, 1.05)
        totals.append(max(1, round(sum(later[month].values()) * share)))
    if not catalog.indicators[code].by_locality:
        return {m: {DISTRICT: t} for m, t in zip(MONTHS_2023, totals, strict=True)}
    # Where the 2024 flow happened (programme localities included), over the whole year.
    year: dict[str, int] = {}
    for values in later.values():
        for locality, value in values.items():
            if locality != DISTRICT:
                year[locality] = year.get(locality, 0) + value
    weights = {k: float(v) for k, v in sorted(year.items()) if v > 0}
    district_share = DISTRICT_SHARE.get(code, 0.0)
    series: Series = {}
    for month, total in zip(MONTHS_2023, totals, strict=True):
        district = round(total * district_share)
        values = allocate(total - district, jitter(weights, rng, 0.12))
        series[month] = {DISTRICT: district, **values} if district else values
    return series


def _stock_history(later: Series, low: int, high: int, rng: random.Random) -> Series:
    """Monthly levels that grow by `low`–`high` a month into January 2024's level.

    Every month is split like January 2024, so each locality grows too.
    """
    january = later[MONTHS[0]]
    totals = [sum(january.values())]
    for _ in MONTHS_2023:
        totals.append(totals[-1] - rng.randint(low, high))
    totals = totals[:0:-1]  # Jan..Dec 2023, oldest first
    weights = {k: float(v) for k, v in january.items()}
    return {m: allocate(t, weights) for m, t in zip(MONTHS_2023, totals, strict=True)}


def _delegates_history() -> Series:
    """Fewer delegates: the district one and the first local committees, all still there in 2024."""
    changes: dict[int, dict[str, int]] = {
        1: {DISTRICT: 1, "08": 1},
        4: {"07": 1, "11": 1},
        7: {"19": 1},
        10: {"04": 1, "10": 1},
    }
    series: Series = {}
    current: dict[str, int] = {}
    for month in MONTHS_2023:
        current = {**current, **changes.get(month.month, {})}
        series[month] = dict(sorted(current.items()))
    return series


def add_history(series: dict[str, Series], catalog: Catalog, seed: int) -> dict[str, Series]:
    """The same indicators with Jan–Dec 2023 prepended to their 2024 months."""
    result: dict[str, Series] = {}
    for code, later in series.items():
        rng = random.Random(f"{seed}:{code}:2023")
        if code == "UTA1_SISBEN":
            earlier = _stock_history(later, 9000, 14000, rng)
        elif code == "UTA2_EPS_AFILIADOS":
            earlier = _stock_history(later, 1500, 3000, rng)
        elif code == "UTA3_DELEGADOS_DDHH":
            earlier = _delegates_history()
        elif catalog.indicators[code].rule == FLOW_RULE:
            earlier = _flow_history(code, later, catalog, rng)
        else:
            raise ValueError(f"No 2023 history defined for indicator {code}")
        result[code] = {**earlier, **later}
    return result
