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
    }
