"""City-scale deliveries for the benchmarks: `python -m seeds.generator.scale --scale N --out DIR`.

Valid semicolon CSV exports as the entities send them, deterministic (no randomness, no clock),
for the 36 months 2023-01…2025-12:
- one aggregated file per entity and month with every indicator of the catalogue, every place
  it allows (Distrito, and the 20 localities when `localidad` is allowed), and the breakdowns
  the catalogue allows (sexo: Mujer/Hombre; grupo_edad: one-year bands 0-0…89-89 and 90+), each
  breakdown adding up to its total;
- one person-level file per month for the Secretaría de la Mujer's register: 250 x N women per
  locality and month (fake documents 999…), 45 % of them seen the month before, so the person
  months are 180.000 x N (N = 17 gives 3,06 M); the aggregated UTA1_MUJER_ATENDIDAS equals each
  month's distinct women, as in the demo.
The catalogue has 13 indicators, so the aggregated rows stay near 90.000 whatever N is: N scales
the person-level volume (the heaviest query, marts.person_count) and the indicator values.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from warehouse.settings import get_settings

# 36 months of history (2023-01…2025-12), and 2026-01: the "one new month" after which the
# benchmark times an incremental build (write_scale(..., months=[NEW_MONTH])).
MONTHS = [date(2023 + i // 12, i % 12 + 1, 1) for i in range(37)]
HISTORY = range(36)
NEW_MONTH = 36
AGE_BANDS = [f"{a}-{a}" for a in range(90)] + ["90+"]
SEXES = ["Mujer", "Hombre"]
PERSON_ENTITY, PERSON_INDICATOR = "SDMUJER", "UTA1_MUJER_ATENDIDAS"
WOMEN_PER_LOCALITY = 250
NEW_SHARE = 0.55  # the rest came the month before
HEADER = ["entidad", "indicador", "localidad", "mes", "valor", "sexo", "grupo_edad"]
PERSON_HEADER = ["entidad", "indicador", "localidad", "mes", "tipo_documento", "numero_documento"]


def _catalog() -> tuple[list[dict], list[str]]:
    folder = get_settings().catalog_dir
    with (folder / "indicators.csv").open(encoding="utf-8") as handle:
        indicators = list(csv.DictReader(handle))
    with (folder / "localities.csv").open(encoding="utf-8") as handle:
        places = [
            r["locality_name"] for r in csv.DictReader(handle) if r["locality_kind"] == "localidad"
        ]
    return indicators, places


def _split(total: int, parts: int, seed: int) -> list[int]:
    """`total` spread over `parts` deterministically (uneven, adds up exactly)."""
    weights = [1 + (seed * 7 + i * 13) % 11 for i in range(parts)]
    shares = [total * w // sum(weights) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def _women(scale: int, locality: int, month: int) -> range:
    """Serial numbers of the women a locality attended in a month (a sliding window)."""
    size = WOMEN_PER_LOCALITY * scale
    step = int(size * NEW_SHARE)
    start = locality * 10_000_000 // 21 + month * step
    return range(start, start + size)


def _value(code: str, month: int, place: int, scale: int) -> int:
    return 5 + (sum(map(ord, code)) * 31 + month * 17 + place * 29) % 300


def _indicator_rows(indicator: dict, places: list[str], m: int, scale: int) -> list[list]:
    code, entity = indicator["indicator_code"], indicator["entity_code"]
    allowed = indicator["allowed_disaggregations"].split(",")
    month = f"{MONTHS[m]:%Y-%m}"
    where = ["", *places] if "localidad" in allowed else [""]
    rows = []
    for p, place in enumerate(where):
        if code == PERSON_INDICATOR:
            value = len(_women(scale, p, m)) * (1 if p else len(places))
        else:
            value = _value(code, m, p, scale)
        rows.append([entity, code, place, month, value, "", ""])
        if "sexo" in allowed:
            for sex, part in zip(SEXES, _split(value, 2, m + p), strict=True):
                rows.append([entity, code, place, month, part, sex, ""])
        if "grupo_edad" in allowed:
            for band, part in zip(AGE_BANDS, _split(value, len(AGE_BANDS), m + p), strict=True):
                rows.append([entity, code, place, month, part, "", band])
    return rows


def _write(path: Path, header: list[str], rows: list[list]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    return path


def write_scale(out: Path, scale: int, months: Iterable[int] = HISTORY) -> list[Path]:
    """Every export of the city-scale set under `out` (the 36 months of history, or the months
    given by index into MONTHS), in the order to load them."""
    indicators, places = _catalog()
    written = []
    for m in months:
        month = MONTHS[m]
        by_entity: dict[str, list[list]] = {}
        for indicator in indicators:
            rows = _indicator_rows(indicator, places, m, scale)
            by_entity.setdefault(indicator["entity_code"], []).extend(rows)
        for entity, rows in sorted(by_entity.items()):
            written.append(
                _write(out / f"{month:%Y-%m}" / f"{entity}_indicadores.csv", HEADER, rows)
            )
        persons = [
            [PERSON_ENTITY, PERSON_INDICATOR, place, f"{month:%Y-%m}", "PPT", f"999{serial:07d}"]
            for p, place in enumerate(places, start=1)
            for serial in _women(scale, p, m)
        ]
        written.append(
            _write(out / f"{month:%Y-%m}" / f"{PERSON_ENTITY}_personas.csv", PERSON_HEADER, persons)
        )
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Entregas a escala de ciudad (benchmarks).")
    parser.add_argument("--scale", type=int, default=17, help="veces el registro nominal (17: 3 M)")
    parser.add_argument("--out", type=Path, required=True, help="carpeta de salida")
    args = parser.parse_args(argv)
    files = write_scale(args.out, args.scale)
    print(f"{len(files)} archivos escritos en {args.out}")


if __name__ == "__main__":
    main()
