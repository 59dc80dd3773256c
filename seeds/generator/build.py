"""Write every demo export into a folder: indicator values (2023–2024), a nominal register
(2024), action plan, governance."""

from __future__ import annotations

from pathlib import Path

from seeds.generator.action_plan import write_activity_files, write_barrier_files
from seeds.generator.advance import write_advance_files
from seeds.generator.catalog import Catalog
from seeds.generator.deliveries import write_manifest
from seeds.generator.governance import write_attendance_files, write_maturity_files
from seeds.generator.history import add_history
from seeds.generator.indicator_files import write_indicator_files
from seeds.generator.persons import write_person_files
from seeds.generator.series import build_series

SEED = 2024
EXPORT_SUFFIXES = {".csv", ".xlsx"}


def clean(out: Path) -> None:
    """Remove previously generated exports (other files, e.g. README.md, stay)."""
    if not out.exists():
        return
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path.suffix.lower() in EXPORT_SUFFIXES:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def generate(out: Path, catalog: Catalog | None = None, seed: int = SEED) -> list[Path]:
    """(Re)write all demo exports and the entregas.csv manifest under `out`; returns the
    exports in name (sorted) order."""
    catalog = catalog or Catalog()
    clean(out)
    out.mkdir(parents=True, exist_ok=True)
    series = add_history(build_series(catalog, seed), catalog, seed)
    written = [
        *write_indicator_files(catalog, series, out),
        *write_person_files(catalog, series, out, seed),
        *write_activity_files(catalog, out, seed),
        *write_barrier_files(out),
        *write_advance_files(out),
        *write_attendance_files(catalog, out),
        *write_maturity_files(catalog, out),
    ]
    if len(set(written)) != len(written):
        raise RuntimeError("Two demo exports were given the same file name")
    write_manifest(out, written, seed)
    return sorted(written)
