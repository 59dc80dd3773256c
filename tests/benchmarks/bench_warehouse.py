"""Warehouse figures: the demo on an empty database (and its no-op second run), and `check` /
`load` of a large generated indicator file through the loader's Python API."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from time import perf_counter

from tests.benchmarks.report import Figure, Results

# A large delivery: SDMUJER's indicator admits localidad and grupo_edad. Each month carries the
# district and the 20 localities (21 places) by single-year ages 0-89 and 90+ plus the total row
# (92): 1.932 rows a month, so 60.000 rows take 32 months ending last month. Months stay within
# the calendar (dbt_project.yml vars, from 2015-01 by default), which the loader enforces.
LARGE_ENTITY = "SDMUJER"
LARGE_INDICATOR = "UTA1_MUJER_ATENDIDAS"
AGE_BANDS = [f"{a}-{a}" for a in range(90)] + ["90+"]


def _demo_once(engine, demo_dir: Path) -> tuple[float, float, int, bool]:
    """What `tablero demo` does: load every demo export, then dbt only if something changed.
    Returns (load seconds, build seconds, files accepted, whether dbt ran)."""
    from warehouse.dbt_runner import is_up_to_date, safe_build
    from warehouse.demo import load_demo
    from warehouse.schema import ensure_schema

    start = perf_counter()
    ensure_schema(engine)
    results = load_demo(engine, demo_dir)
    loaded = perf_counter()
    rejected = [r.message for r in results if r.status == "rechazado"]
    if rejected:
        raise RuntimeError(f"demo: {len(rejected)} archivo(s) rechazado(s): {rejected[:3]}")
    accepted = sum(r.status == "aceptado" for r in results)
    built = False
    if not is_up_to_date():
        outcome = safe_build()
        if not outcome.success:
            raise RuntimeError(f"dbt build falló: {outcome.failures[:5]}")
        built = True
    return loaded - start, perf_counter() - loaded, accepted, built


def bench_demo(results: Results, repeat: int) -> None:
    """1. Demo load + safe dbt build on the empty database, then the no-op second run."""
    from warehouse.db import get_engine
    from warehouse.settings import get_settings

    settings = get_settings()
    engine = get_engine()
    load_s, build_s, accepted, built = _demo_once(engine, settings.demo_dir)
    if not built:
        raise RuntimeError("la primera ejecución de la demo no construyó los marts")
    results.add(Figure("demo.load", "Demo: carga de exportaciones (BD vacía)", "s", [load_s]))
    results.add(Figure("demo.build", "Demo: dbt build seguro", "s", [build_s]))
    results.add(
        Figure(
            "demo.total",
            "Demo: carga + dbt build (primera vez)",
            "s",
            [load_s + build_s],
            target=120.0,
        )
    )
    results.details["demo"] = {"files_accepted": accepted}

    second = []
    for _ in range(repeat):
        load_s, build_s, accepted, built = _demo_once(engine, settings.demo_dir)
        if built or accepted:
            raise RuntimeError("la segunda ejecución de la demo cargó o construyó algo")
        second.append(load_s + build_s)
    results.add(
        Figure(
            "demo.second_run",
            "Demo: segunda ejecución, sin cambios (en proceso)",
            "s",
            second,
            target=2.0,
        )
    )

    cli = Path(sys.executable).with_name("tablero")
    if cli.exists():
        runs = []
        for _ in range(repeat):
            start = perf_counter()
            done = subprocess.run(
                [str(cli), "demo"], env=os.environ.copy(), capture_output=True, text=True
            )
            runs.append(perf_counter() - start)
            if done.returncode != 0 or "no se ejecuta dbt" not in done.stdout:
                raise RuntimeError(f"`tablero demo` (segunda vez): {done.stdout}{done.stderr}")
        results.add(
            Figure(
                "demo.second_run_cli",
                "Demo: `tablero demo` sin cambios (proceso nuevo)",
                "s",
                runs,
                target=3.0,
                note="includes interpreter start-up and imports",
            )
        )


def _months_back(last: date, count: int) -> list[date]:
    months = []
    year, month = last.year, last.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return sorted(months)


def write_large_file(path: Path, rows: int, today: date | None = None) -> Path:
    """A valid indicator export of exactly `rows` data rows (semicolon CSV, as entities send)."""
    from warehouse.settings import get_settings

    today = today or date.today()
    with (get_settings().catalog_dir / "localities.csv").open(encoding="utf-8") as handle:
        places = [
            r["locality_name"] for r in csv.DictReader(handle) if r["locality_kind"] == "localidad"
        ]
    places = ["", *places]  # empty locality = Distrito
    per_month = len(places) * (len(AGE_BANDS) + 1)
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last closed month
    months = _months_back(last_month, -(-rows // per_month))
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["entidad", "indicador", "localidad", "mes", "valor", "grupo_edad"])
        for m_index, month in enumerate(months):
            for p_index, place in enumerate(places):
                bands = [(7 * m_index + 13 * p_index + 31 * b) % 23 for b in range(len(AGE_BANDS))]
                if place == "":
                    bands = [b * 20 for b in bands]
                room = rows - written - 1  # the file ends inside this group: it still adds up
                bands = bands[: max(room, 0)]
                lines = [("", sum(bands)), *zip(AGE_BANDS, bands, strict=False)]
                for band, value in lines:
                    if written == rows:
                        return path
                    out.writerow(
                        [LARGE_ENTITY, LARGE_INDICATOR, place, month.strftime("%Y-%m"), value, band]
                    )
                    written += 1
    return path


def bench_large_file(results: Results, work_dir: Path, rows: int, repeat: int) -> None:
    """2. `check` (validation only, repeated) and `load` (once) of a large indicator file; then
    the safe dbt build that `tablero load --build` would run after it."""
    from warehouse.db import get_engine
    from warehouse.dbt_runner import safe_build
    from warehouse.intake.inspection import inspect_file
    from warehouse.intake.loader import load_file

    path = write_large_file(work_dir / f"{LARGE_ENTITY}_indicadores_grande.csv", rows)
    size_mb = path.stat().st_size / 1e6
    label_rows = f"{rows:,}".replace(",", ".")
    results.details["large_file"] = {
        "rows": rows,
        "bytes": path.stat().st_size,
        "entity": LARGE_ENTITY,
        "indicator": LARGE_INDICATOR,
    }

    checks = []
    for _ in range(repeat):
        start = perf_counter()
        inspection = inspect_file(path)
        checks.append(perf_counter() - start)
        if not inspection.ok or len(inspection.rows) != rows:
            raise RuntimeError(f"archivo grande no válido: {inspection.errors[:3]}")
    results.add(
        Figure(
            "large.check",
            f"Archivo de {label_rows} filas ({size_mb:.1f} MB): check",
            "s",
            checks,
            target=30.0,
        )
    )

    engine = get_engine()
    start = perf_counter()
    loaded = load_file(engine, path, submitter="benchmark")
    load_s = perf_counter() - start
    if loaded.status != "aceptado" or loaded.row_count != rows:
        raise RuntimeError(f"carga del archivo grande: {loaded.message}")
    results.add(
        Figure("large.load", f"Archivo de {label_rows} filas: load", "s", [load_s], target=60.0)
    )

    start = perf_counter()
    outcome = safe_build()
    build_s = perf_counter() - start
    results.add(
        Figure(
            "large.build",
            f"dbt build seguro tras cargar {label_rows} filas",
            "s",
            [build_s],
            note="" if outcome.success else "build failed: " + "; ".join(outcome.failures[:5]),
        )
    )
    if not outcome.success:
        results.errors.append(f"dbt build tras el archivo grande falló: {outcome.failures[:5]}")
