"""Run every benchmark in a database of its own, print a table of figures, write the JSON.

    python -m tests.benchmarks [--rows 60000] [--repeat 3] [--output FILE.json]

Exit status 0 unless a benchmark crashed: a figure over its target is reported, never failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from time import perf_counter

from sqlalchemy import create_engine, text

from tests.benchmarks.report import Results, table, write_json
from warehouse import db as warehouse_db
from warehouse.settings import PROJECT_ROOT, Settings, get_settings

DEFAULT_OUTPUT = PROJECT_ROOT / "tests" / "artifacts" / "benchmarks.json"
OWN_ENV = ("DATABASE_URL", "TABLERO_DBT_TARGET_DIR")


@contextmanager
def bench_database() -> Iterator[str]:
    """A brand-new database on the configured server, like the tests' `database_url` fixture:
    DATABASE_URL and the dbt target folder point at it for the run; dropped at the end, always."""
    server_url = warehouse_db.resolve_url(Settings())
    name = f"tablero_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    saved = {key: os.environ.get(key) for key in OWN_ENV}
    target_dir = PROJECT_ROOT / "dbt_project" / "target" / "bench" / name
    bench_url = server_url.set(database=name).render_as_string(hide_password=False)
    os.environ["DATABASE_URL"] = bench_url.replace("postgresql+psycopg", "postgresql")
    os.environ["TABLERO_DBT_TARGET_DIR"] = str(target_dir)
    get_settings.cache_clear()
    warehouse_db.clear_engines()
    try:
        yield name
    finally:
        warehouse_db.get_engine().dispose()
        get_settings.cache_clear()
        warehouse_db.clear_engines()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()
        shutil.rmtree(target_dir, ignore_errors=True)


def machine_info() -> dict:
    from warehouse.db import get_engine

    with get_engine().connect() as conn:
        postgres = conn.execute(text("select version()")).scalar()
    return {
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "postgres": postgres,
        "load_average_at_start": os.getloadavg(),
    }


def _say(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _section(results: Results, name: str, run: Callable[[], None]) -> bool:
    """Run one benchmark; a crash is recorded (and reported) without stopping the others."""
    _say(f"{name}…")
    start = perf_counter()
    try:
        run()
    except Exception as exc:  # reported in the table and the JSON
        traceback.print_exc()
        results.errors.append(f"{name}: {type(exc).__name__}: {exc}")
        _say(f"{name}: ERROR ({exc})")
        return False
    _say(f"{name}: {perf_counter() - start:.1f} s")
    return True


def main(argv: list[str] | None = None) -> int:
    from tests.benchmarks.bench_callbacks import bench_callbacks
    from tests.benchmarks.bench_concurrency import bench_concurrency
    from tests.benchmarks.bench_dashboard import bench_dashboard
    from tests.benchmarks.bench_scale import bench_scale_build, bench_scale_incremental
    from tests.benchmarks.bench_warehouse import bench_demo, bench_large_file

    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--rows", type=int, default=60_000, help="rows of the large file")
    parser.add_argument("--repeat", type=int, default=3, help="samples of each cheap figure")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON file")
    parser.add_argument(
        "--scale", type=int, default=0, help="also at city scale: N for seeds.generator.scale"
    )
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of each load test")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium page timings")
    parser.add_argument(
        "--only-scale", action="store_true", help="only the city-scale part (with --scale N)"
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    os.environ.setdefault("DBT_QUIET", "True")  # dbt's per-node lines would bury the table
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    results = Results()
    machine: dict = {}
    with bench_database() as name, tempfile.TemporaryDirectory(prefix="tablero_bench_") as tmp:
        _say(f"base de datos {name}")
        machine = machine_info() | {"database": name}
        demo = not args.only_scale
        if demo and _section(results, "demo", lambda: bench_demo(results, args.repeat)):
            if not args.skip_browser:
                _section(results, "tablero", lambda: bench_dashboard(results, args.repeat, _say))
            _section(results, "callbacks", lambda: bench_callbacks(results, args.repeat))
            _section(
                results,
                "usuarios a la vez",
                lambda: bench_concurrency(results, tmp, args.duration, _say),
            )
        if demo:
            _section(
                results,
                f"archivo de {args.rows} filas",
                lambda: bench_large_file(results, Path(tmp), args.rows, args.repeat),
            )
    if args.scale:
        with bench_database() as name:
            _say(f"a escala x{args.scale}: base de datos {name}")
            if _section(results, "escala", lambda: bench_scale_build(results, args.scale, _say)):
                _section(
                    results, "callbacks a escala", lambda: bench_callbacks(results, 1, "escala")
                )
                _section(
                    results,
                    "build incremental a escala",
                    lambda: bench_scale_incremental(results, args.scale, _say),
                )
    machine["load_average_at_end"] = os.getloadavg()
    write_json(args.output, results, machine, started)

    print()
    print(
        f"Tablero Migrante — benchmarks ({started}; {machine['cpu_count']} CPU, "
        f"Python {machine['python']}; {machine['postgres'].split(' on ')[0]})"
    )
    print(table(results.figures))
    over = [f.label for f in results.figures if f.status == "over"]
    if over:
        print(f"\n{len(over)} cifra(s) por encima del objetivo (informativo, no es un fallo).")
    for error in results.errors:
        print(f"ERROR: {error}")
    print(f"\nJSON: {args.output}")
    return 1 if results.errors else 0
