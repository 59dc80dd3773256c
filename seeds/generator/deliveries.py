"""When each demo export was received: the entregas.csv manifest (dates, who sent it)."""

from __future__ import annotations

import csv
import random
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from warehouse.demo import MANIFEST

BOGOTA = timezone(timedelta(hours=-5))
HABITUALLY_LATE = {"SDS", "IDIPRON"}  # deliver after the others, past the cut-off deadline
OCCASIONALLY_LATE = 0.1  # share of the other entities' action-plan files that arrive late
CUTOFF_DEADLINES = {
    "2024-C1": date(2024, 6, 14),
    "2024-C2": date(2024, 9, 13),
    "2024-C3": date(2025, 1, 15),
}
_INDICATORS = re.compile(r"^(\w+?)_indicadores_(\d{4})-(T?\d{1,2})(_correccion|_v2)?$")
_PERSONS = re.compile(r"^(\w+?)_personas_(\d{4})-(\d{2})$")
_PLAN = re.compile(r"^(\w+?)_(actividades|barreras|avance)_(\d{4}-C\d)$")
_SESSION = re.compile(r"^(\w+?)_asistencia_(\d{4})-(\d{2})-(\d{2})$")
_MATURITY = re.compile(r"^(\w+?)_madurez_(\d{4})-(\d{2})$")


def _at(day: date, rng: random.Random, first_hour: int = 8, last_hour: int = 17) -> datetime:
    moment = time(rng.randint(first_hour, last_hour), rng.randint(0, 59))
    return datetime.combine(day, moment, tzinfo=BOGOTA)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def received_at(relative: str, seed: int) -> tuple[datetime, str]:
    """Deterministic reception moment and submitter of one export (path relative to the folder)."""
    rng = random.Random(f"{seed}:{relative}")
    stem = Path(relative).stem
    if match := _INDICATORS.match(stem):
        entity, year, period, correction = match.groups()
        last_month = 3 * int(period[1:]) if period.startswith("T") else int(period)  # quarters
        late = entity in HABITUALLY_LATE
        original = random.Random(f"{seed}:{entity}:{year}-{period}")
        days = original.randint(16, 25) if late else original.randint(3, 12)
        moment = _at(_month_end(int(year), last_month) + timedelta(days=days), original)
        if correction:  # some weeks after the file it corrects, in the month of its folder
            folder = date.fromisoformat(f"{Path(relative).parent.name}-01")
            day = max(moment.date() + timedelta(days=rng.randint(14, 28)), folder)
            moment = _at(day + timedelta(days=rng.randint(2, 12)), rng)
    elif match := _PERSONS.match(stem):
        # The nominal register of a month follows that month's indicator file by a day or two.
        entity, year, month = match.groups()
        indicators, _ = received_at(
            f"{Path(relative).parent}/{entity}_indicadores_{year}-{month}", seed
        )
        moment = _at(indicators.date() + timedelta(days=rng.randint(1, 2)), rng)
    elif match := _PLAN.match(stem):
        entity, _, cutoff = match.groups()
        deadline = CUTOFF_DEADLINES[cutoff]
        late = entity in HABITUALLY_LATE or rng.random() < OCCASIONALLY_LATE
        offset = rng.randint(1, 12) if late else -rng.randint(0, 10)
        moment = _at(deadline + timedelta(days=offset), rng)
    elif match := _SESSION.match(stem):
        entity, year, month, day = match.groups()
        moment = _at(date(int(year), int(month), int(day)), rng, 17, 19)  # after the session
    elif match := _MATURITY.match(stem):
        entity, year, month = match.groups()
        moment = _at(date(int(year), int(month), rng.randint(10, 28)), rng)
    else:
        raise ValueError(f"No reception rule for demo export {relative}")
    return moment, f"enlace {entity}"


def write_manifest(out: Path, files: list[Path], seed: int) -> Path:
    """Write entregas.csv: every export (relative path, received_at with -05:00, submitter)."""
    path = out / MANIFEST
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "received_at", "submitter"])
        for file in sorted(files):
            relative = file.relative_to(out).as_posix()
            moment, submitter = received_at(relative, seed)
            writer.writerow([relative, moment.isoformat(), submitter])
    return path
