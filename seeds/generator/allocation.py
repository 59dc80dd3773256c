"""Integer allocation: split an exact total by weights (largest remainder), locality weights."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

# Relative concentration of the migrant population per locality (1 = like the population),
# following the district's reports: the south and west (Kennedy, Bosa, Suba, Engativá, Ciudad
# Bolívar, Usme, San Cristóbal) carry more; Sumapaz and La Candelaria very few.
MIGRANT_FACTOR: dict[str, float] = {
    "01": 0.7,
    "02": 0.9,
    "03": 1.3,
    "04": 1.2,
    "05": 1.1,
    "06": 1.0,
    "07": 1.4,
    "08": 1.45,
    "09": 0.9,
    "10": 1.15,
    "11": 1.3,
    "12": 0.8,
    "13": 0.6,
    "14": 1.4,
    "15": 0.9,
    "16": 0.9,
    "17": 0.35,
    "18": 1.0,
    "19": 1.25,
    "20": 0.1,
}


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Integers proportional to `weights` that add up to exactly `total` (Hamilton's method)."""
    if total < 0:
        raise ValueError("total must be non-negative")
    weight_sum = float(sum(weights))
    if weight_sum <= 0:
        raise ValueError("weights must have a positive sum")
    quotas = [total * w / weight_sum for w in weights]
    shares = [int(q) for q in quotas]
    missing = total - sum(shares)
    # Ties broken by position so the result never depends on float noise in sorting.
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[:missing]:
        shares[i] += 1
    return shares


def allocate(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """`largest_remainder` over a mapping, keeping its key order."""
    keys = list(weights)
    return dict(zip(keys, largest_remainder(total, [weights[k] for k in keys]), strict=True))


def locality_weights(
    population: Mapping[str, int],
    rng: random.Random,
    *,
    only: Sequence[str] | None = None,
    noise: float = 0.15,
) -> dict[str, float]:
    """Population times migrant concentration, with a little indicator-specific noise."""
    codes = sorted(only or population)
    return {
        code: population[code] * MIGRANT_FACTOR[code] * rng.uniform(1 - noise, 1 + noise)
        for code in codes
    }


def jitter(weights: Mapping[str, float], rng: random.Random, noise: float) -> dict[str, float]:
    """The same weights with fresh multiplicative noise (month-to-month variation)."""
    return {k: w * rng.uniform(1 - noise, 1 + noise) for k, w in weights.items()}
