"""Load the demo exports shipped in seeds/demo (what `make run` shows on a fresh clone)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from warehouse.intake.loader import LoadResult, load_file

EXPORT_SUFFIXES = {".csv", ".xlsx"}


def demo_files(demo_dir: Path) -> list[Path]:
    return sorted(p for p in demo_dir.rglob("*") if p.suffix.lower() in EXPORT_SUFFIXES)


def load_demo(engine: Engine, demo_dir: Path) -> list[LoadResult]:
    """Load every demo export in name order; identical files already loaded are no-ops."""
    return [load_file(engine, path, submitter="demo") for path in demo_files(demo_dir)]
