"""Load the demo exports shipped in seeds/demo (what `make run` shows on a fresh clone)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text

from warehouse import audit
from warehouse.intake.loader import LoadResult, load_file

EXPORT_SUFFIXES = {".csv", ".xlsx"}
# When each demo export was received and who sent it; written by seeds/generator (deliveries.py).
MANIFEST = "entregas.csv"
# The demo's historical deliveries (those in the manifest) come already reviewed: the technical
# secretariat validated them, so the public page and «solo validados» show the demo's figures.
DEMO_REVIEWER = "demo (entregas históricas)"


def read_manifest(demo_dir: Path) -> dict[str, tuple[datetime, str]]:
    """{relative path: (received_at, submitter)} from entregas.csv; empty when there is none."""
    path = demo_dir / MANIFEST
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["file"]: (datetime.fromisoformat(row["received_at"]), row["submitter"])
            for row in csv.DictReader(handle)
        }


def demo_files(demo_dir: Path) -> list[Path]:
    """Every export in name order (the entregas.csv manifest is not an export)."""
    return sorted(
        p
        for p in demo_dir.rglob("*")
        if p.suffix.lower() in EXPORT_SUFFIXES and p.relative_to(demo_dir).as_posix() != MANIFEST
    )


def load_demo(engine: Engine, demo_dir: Path) -> list[LoadResult]:
    """Load every demo export in the order it was received (entregas.csv), with its reception
    date and submitter; exports the manifest does not list load afterwards, in name order, as
    received now. Identical files already loaded are no-ops."""
    manifest = read_manifest(demo_dir)
    listed: list[tuple[datetime, Path]] = []
    unlisted: list[Path] = []
    for path in demo_files(demo_dir):
        entry = manifest.get(path.relative_to(demo_dir).as_posix())
        if entry is None:
            unlisted.append(path)
        else:
            listed.append((entry[0], path))
    results = []
    for moment, path in sorted(listed):
        _, submitter = manifest[path.relative_to(demo_dir).as_posix()]
        results.append(load_file(engine, path, submitter=submitter, received_at=moment))
    validate_historical(engine, [r.delivery_id or r.duplicate_of for r in results])
    results += [load_file(engine, path, submitter="demo") for path in unlisted]
    return results


def validate_historical(engine: Engine, delivery_ids: list[int | None]) -> int:
    """Mark the demo's historical deliveries «validado» (those not reviewed yet); audited."""
    ids = [i for i in delivery_ids if i is not None]
    with engine.begin() as conn:
        added = conn.execute(
            text(
                "insert into intake.delivery_reviews (delivery_id, state, reason, reviewer) "
                "select d.delivery_id, 'validado', null, :who from intake.deliveries as d "
                "where d.delivery_id = any(:ids) and d.status in ('aceptado', 'reemplazado') "
                "and not exists (select 1 from intake.delivery_reviews as r "
                "where r.delivery_id = d.delivery_id)"
            ),
            {"ids": ids, "who": DEMO_REVIEWER},
        ).rowcount
    if added:
        audit.record(engine, DEMO_REVIEWER, "entrega validado", f"{added} entregas históricas")
    return added
