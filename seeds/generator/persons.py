"""Person-level exports (kind person_services): the Secretaría de la Mujer's nominal register of
the women it attended, one file per month of 2024.

Each month and locality lists exactly as many distinct women as the aggregated indicator file
reports for UTA1_MUJER_ATENDIDAS, so the monthly distinct count equals the published figure; many
women come back in later months, so distinct women over a period are fewer than the sum of the
monthly figures. A woman is always attended in the same locality (the district count of a month
is then the sum of its localities, as in the aggregated file). Document numbers are fake and
deterministic: 999 followed by a serial (passports: ZZ999 and a serial), never real ranges.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from seeds.generator.catalog import DISTRICT, Catalog
from seeds.generator.formats import STYLES, format_header, format_month, spell_locality
from seeds.generator.series import MONTHS, Series
from seeds.generator.writers import write_export

ENTITY = "SDMUJER"
INDICATOR = "UTA1_MUJER_ATENDIDAS"
COLUMNS = ["entidad", "indicador", "localidad", "mes", "tipo_documento", "numero_documento"]
# Documents of migrant women: mostly PPT (Permiso por Protección Temporal), some PEP, CE, passport.
DOCUMENT_TYPES = {"PPT": 0.7, "PEP": 0.12, "CE": 0.1, "PA": 0.08}
RETURNING_SHARE = 0.45  # about this share of a month's women were attended in an earlier month

Person = tuple[str, str]  # (document type, document number)


def fake_document(serial: int, rng: random.Random) -> Person:
    kind = rng.choices(list(DOCUMENT_TYPES), weights=list(DOCUMENT_TYPES.values()))[0]
    number = f"ZZ999{serial:06d}" if kind == "PA" else f"999{serial:07d}"
    return kind, number


def register(series: Series, seed: int) -> dict[date, dict[str, list[Person]]]:
    """month → locality → the women attended (as many as the aggregated monthly figure)."""
    rng = random.Random(f"{seed}:personas:{INDICATOR}")
    serial = 0
    seen: dict[str, list[Person]] = {}
    months: dict[date, dict[str, list[Person]]] = {}
    for month in MONTHS:
        months[month] = {}
        for locality, value in sorted(series[month].items()):
            pool = seen.setdefault(locality, [])
            returning = min(len(pool), round(value * RETURNING_SHARE * rng.uniform(0.7, 1.3)))
            women = rng.sample(pool, returning) if returning else []
            new = []
            for _ in range(value - returning):
                serial += 1
                new.append(fake_document(serial, rng))
            pool.extend(new)
            women += new
            months[month][locality] = sorted(women, key=lambda w: w[1])
    return months


def write_person_files(
    catalog: Catalog, series: dict[str, Series], out: Path, seed: int
) -> list[Path]:
    """One person-level file per month of 2024 in the entity's usual style and month folder."""
    style = STYLES[ENTITY]
    written = []
    for month, localities in register(series[INDICATOR], seed).items():
        rows = []
        for locality, women in localities.items():
            name = catalog.localities.get(locality, "")
            place = spell_locality(locality, name, style.localities)
            if locality != DISTRICT and catalog.resolve(place) != locality:
                raise ValueError(f"Spelling {place!r} does not resolve to locality {locality}")
            for kind, number in women:
                rows.append(
                    [ENTITY, INDICATOR, place, format_month(month, style.months), kind, number]
                )
        path = out / f"{month:%Y-%m}" / f"{ENTITY}_personas_{month:%Y-%m}"
        written.append(write_export(path, format_header(COLUMNS, style.header), rows, style))
    return written
