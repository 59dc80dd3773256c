"""City scale: the deliveries of seeds.generator.scale written, loaded through the real loader
and built with the safe dbt build, timed; the page callbacks are then replayed on them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from time import perf_counter

from sqlalchemy import text

from tests.benchmarks.report import Figure, Results


def bench_scale_build(results: Results, scale: int, say) -> None:
    from seeds.generator.scale import write_scale
    from warehouse.db import get_engine
    from warehouse.dbt_runner import safe_build
    from warehouse.intake.loader import load_file
    from warehouse.schema import ensure_schema

    engine = get_engine()
    ensure_schema(engine)
    with tempfile.TemporaryDirectory(prefix="tablero_scale_") as tmp:
        files = write_scale(Path(tmp), scale)
        say(f"{len(files)} archivos escritos; cargando…")
        start = perf_counter()
        for path in files:
            loaded = load_file(engine, path, submitter="benchmark")
            if loaded.status != "aceptado":
                raise RuntimeError(f"{path.name}: {loaded.message}")
        load_s = perf_counter() - start
    say(f"cargado en {load_s:.0f} s; dbt build…")
    start = perf_counter()
    outcome = safe_build()
    build_s = perf_counter() - start
    if not outcome.success:
        raise RuntimeError(f"dbt build a escala: {outcome.failures}")
    with engine.connect() as conn:
        values = conn.execute(text("select count(*) from marts.fct_indicator_values")).scalar()
        persons = conn.execute(text("select count(*) from marts.fct_person_months")).scalar()
    label = f"x{scale}: {values:,} filas de indicador, {persons:,} personas-mes".replace(",", ".")
    results.add(Figure("scale.load", f"Escala {label}: carga", "s", [load_s]))
    results.add(Figure("scale.build", "Escala: dbt build completo", "s", [build_s], target=120.0))
    results.details["scale"] = {
        "scale": scale,
        "files": len(files),
        "indicator_rows": values,
        "person_months": persons,
        "slowest_nodes_full": slowest_nodes(),
    }


def slowest_nodes(count: int = 10) -> list[list]:
    """[node, seconds] of the last dbt run's slowest nodes (run_results.json)."""
    import json

    from warehouse.settings import get_settings

    path = get_settings().dbt_target_dir / "run_results.json"
    if not path.exists():
        return []
    runs = json.loads(path.read_text(encoding="utf-8"))["results"]
    runs.sort(key=lambda r: r.get("execution_time") or 0, reverse=True)
    return [[r["unique_id"], round(r.get("execution_time") or 0, 2)] for r in runs[:count]]


def _timed_build(full: bool = False):
    from warehouse.dbt_runner import safe_build

    start = perf_counter()
    outcome = safe_build(full=full)
    if not outcome.success:
        raise RuntimeError(f"dbt build a escala: {outcome.failures}")
    return perf_counter() - start, outcome


def bench_scale_incremental(results: Results, scale: int, say) -> None:
    """After the full build: one new month (2026-01) loaded and built incrementally (the person
    marts start from the ones in service), then the same data built in full, for comparison."""
    from seeds.generator.scale import NEW_MONTH, write_scale
    from warehouse.db import get_engine
    from warehouse.intake.loader import load_file

    engine = get_engine()
    with tempfile.TemporaryDirectory(prefix="tablero_scale_") as tmp:
        for path in write_scale(Path(tmp), scale, months=[NEW_MONTH]):
            loaded = load_file(engine, path, submitter="benchmark")
            if loaded.status != "aceptado":
                raise RuntimeError(f"{path.name}: {loaded.message}")
    say("mes nuevo cargado; dbt build incremental…")
    incremental_s, outcome = _timed_build()
    results.details.setdefault("scale", {})["carried_over"] = list(outcome.carried_over)
    results.details["scale"]["slowest_nodes_incremental"] = slowest_nodes()
    results.add(
        Figure(
            "scale.build_incremental",
            "Escala: dbt build tras un mes nuevo (incremental)",
            "s",
            [incremental_s],
            target=30.0,
        )
    )
    say(f"incremental {incremental_s:.0f} s; dbt build completo de los mismos datos…")
    full_s, _ = _timed_build(full=True)
    results.add(
        Figure(
            "scale.build_full_after",
            "Escala: dbt build completo de los mismos datos",
            "s",
            [full_s],
            target=120.0,
        )
    )
