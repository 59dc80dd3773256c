"""Run dbt in-process against the configured warehouse, with the repo's own profiles.yml."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from warehouse.db import libpq_params, resolve_url
from warehouse.settings import Settings, get_settings


@dataclass
class DbtOutcome:
    success: bool
    failures: list[str]


def dbt_environment(settings: Settings | None = None) -> dict[str, str]:
    """Environment variables that profiles.yml reads, derived from the same settings."""
    settings = settings or get_settings()
    params = libpq_params(resolve_url(settings))
    return {
        "TABLERO_DBT_HOST": params["host"],
        "TABLERO_DBT_PORT": params["port"],
        "TABLERO_DBT_USER": params["user"],
        "TABLERO_DBT_PASSWORD": params["password"],
        "TABLERO_DBT_DBNAME": params["dbname"],
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "DBT_LOG_PATH": str(settings.dbt_target_dir / "logs"),
        "TABLERO_METRIC_MODELS": ",".join(metric_models(settings)),
    }


def metric_models(settings: Settings | None = None) -> list[str]:
    """The derived indicators' models (dbt_project/models/metrics/metric_*.sql), by name: dbt
    fixes a model's dependencies before its graph exists, so the macro union_metric_models
    reads this list to ref() them (and checks it against the graph)."""
    settings = settings or get_settings()
    folder = settings.dbt_project_dir / "models" / "metrics"
    return sorted(path.stem for path in folder.glob("metric_*.sql"))


def run_dbt(args: list[str], settings: Settings | None = None) -> DbtOutcome:
    """`dbt <args>` through dbt's programmatic runner; returns success and failed node names."""
    from dbt.cli.main import dbtRunner

    settings = settings or get_settings()
    os.environ.update(dbt_environment(settings))
    project = str(settings.dbt_project_dir)
    result = dbtRunner().invoke(
        [
            *args,
            "--project-dir",
            project,
            "--profiles-dir",
            project,
            "--target-path",
            str(settings.dbt_target_dir),
            "--no-use-colors",
        ]
    )
    failures: list[str] = []
    if result.result is not None and hasattr(result.result, "results"):
        failures = [
            f"{r.node.name}: {r.message}"
            for r in result.result.results
            if str(r.status) in {"error", "fail", "runtime error"}
        ]
    if result.exception is not None:
        failures.append(str(result.exception))
    return DbtOutcome(success=bool(result.success), failures=failures)


def build(settings: Settings | None = None) -> DbtOutcome:
    return run_dbt(["build"], settings)


# --- Safe build: build beside the marts in service, swap only when everything passed ---------

NEXT_SCHEMA = "marts_next"
OLD_SCHEMA = "marts_old"
LIVE_SCHEMA = "marts"
BUILD_LOCK = 4242002


@dataclass
class SafeBuildOutcome(DbtOutcome):
    skipped: bool = False
    build_id: int | None = None
    carried_over: tuple[str, ...] = ()  # incremental marts copied from marts: dbt added the new


INCREMENTAL = re.compile(r"materialized\s*=\s*['\"]incremental['\"]")


def project_hash(settings: Settings | None = None) -> str:
    """Hash of everything dbt reads besides the raw data: models, macros, tests, catalogues."""
    import hashlib

    settings = settings or get_settings()
    project = settings.dbt_project_dir
    files = [project / "dbt_project.yml"]
    for folder in ("models", "macros", "tests"):
        files += sorted(p for p in (project / folder).rglob("*") if p.is_file())
    files += sorted(settings.catalog_dir.glob("*.csv"))
    digest = hashlib.sha256()
    for path in files:
        if path.exists():
            digest.update(str(path.relative_to(settings.dbt_project_dir.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _last_delivery_id(conn) -> int:
    from sqlalchemy import text

    return conn.execute(
        text("select coalesce(max(delivery_id), 0) from intake.deliveries")
    ).scalar()


def _analyze_raw(engine) -> None:
    """Refresh planner statistics of the raw tables after bulk loads, before dbt reads them."""
    from sqlalchemy import text

    with engine.connect() as conn:
        tables = conn.execute(
            text("select schemaname, tablename from pg_tables where schemaname like 'raw%'")
        ).all()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for schema, table in tables:
            conn.execute(text(f'analyze "{schema}"."{table}"'))


def _schema_exists(conn, name: str) -> bool:
    from sqlalchemy import text

    query = text("select 1 from information_schema.schemata where schema_name = :s")
    return conn.execute(query, {"s": name}).first() is not None


def incremental_marts(settings: Settings | None = None) -> list[str]:
    """Marts dbt builds incrementally (`materialized='incremental'` in the model's config)."""
    settings = settings or get_settings()
    models = (settings.dbt_project_dir / "models" / "marts").rglob("*.sql")
    return sorted(p.stem for p in models if INCREMENTAL.search(p.read_text(encoding="utf-8")))


def _carry_over_incremental(conn, settings: Settings, project: str) -> tuple[str, ...]:
    """Copy the incremental marts in service into the empty marts_next, so that dbt adds only
    the months delivered since (a new month, or a correction of an old one) instead of
    rebuilding their history. Only when the last successful build ran this same dbt project:
    after any change to models, macros or catalogues they are rebuilt from scratch."""
    from sqlalchemy import text

    last = conn.execute(
        text(
            "select project_hash from intake.builds where succeeded order by build_id desc limit 1"
        )
    ).scalar()
    if last != project:
        return ()
    present = set(
        conn.execute(
            text("select tablename from pg_tables where schemaname = :s"), {"s": LIVE_SCHEMA}
        ).scalars()
    )
    copied = tuple(name for name in incremental_marts(settings) if name in present)
    if copied:
        conn.execute(text(f"create schema {NEXT_SCHEMA}"))
    for name in copied:
        # `like … including all`: columns, not-null and keys (the contract), and its indexes
        conn.execute(
            text(f"create table {NEXT_SCHEMA}.{name} (like {LIVE_SCHEMA}.{name} including all)")
        )
        conn.execute(text(f"insert into {NEXT_SCHEMA}.{name} select * from {LIVE_SCHEMA}.{name}"))
    return copied


def is_up_to_date(settings: Settings | None = None) -> bool:
    """True when the last successful build saw the same deliveries and the same dbt project,
    and its marts are in service: running dbt again would change nothing."""
    from sqlalchemy import text

    from warehouse.db import get_engine
    from warehouse.schema import ensure_schema

    settings = settings or get_settings()
    engine = get_engine(settings)
    ensure_schema(engine)
    with engine.connect() as conn:
        last = conn.execute(
            text(
                "select last_delivery_id, project_hash from intake.builds where succeeded "
                "order by build_id desc limit 1"
            )
        ).first()
        has_marts = _schema_exists(conn, LIVE_SCHEMA)
        current = _last_delivery_id(conn)
    return bool(
        last
        and has_marts
        and last.last_delivery_id == current
        and last.project_hash == project_hash(settings)
    )


# long: one transaction and lock around dbt; splitting it would hide the order of the steps
def safe_build(
    settings: Settings | None = None, *, skip_if_current: bool = False, full: bool = False
) -> SafeBuildOutcome:
    """`dbt build` into marts_next; when it succeeds, swap it in for marts in one transaction.

    A failed build (model error or failing test) drops marts_next and leaves the marts in
    service untouched. Every build is recorded in intake.builds. The incremental marts start
    from a copy of the ones in service (see _carry_over_incremental) unless `full`."""
    import json

    from sqlalchemy import text

    from warehouse.db import get_engine
    from warehouse.schema import ensure_schema

    settings = settings or get_settings()
    if skip_if_current and is_up_to_date(settings):
        return SafeBuildOutcome(success=True, failures=[], skipped=True)
    engine = get_engine(settings)
    ensure_schema(engine)
    with engine.connect() as lock_conn:
        lock_conn.execute(text("select pg_advisory_lock(:k)"), {"k": BUILD_LOCK})
        try:
            project = project_hash(settings)
            with engine.begin() as conn:
                conn.execute(text(f"drop schema if exists {NEXT_SCHEMA} cascade"))
                carried = () if full else _carry_over_incremental(conn, settings, project)
                build_id = conn.execute(
                    text(
                        "insert into intake.builds (last_delivery_id, project_hash) "
                        "values (:last, :hash) returning build_id"
                    ),
                    {"last": _last_delivery_id(conn), "hash": project},
                ).scalar_one()
            _analyze_raw(engine)
            outcome = run_dbt(["build", "--vars", f"{{marts_schema: {NEXT_SCHEMA}}}"], settings)
            with engine.begin() as conn:
                if outcome.success:
                    conn.execute(text(f"drop schema if exists {OLD_SCHEMA} cascade"))
                    if _schema_exists(conn, LIVE_SCHEMA):
                        conn.execute(text(f"alter schema {LIVE_SCHEMA} rename to {OLD_SCHEMA}"))
                    conn.execute(text(f"alter schema {NEXT_SCHEMA} rename to {LIVE_SCHEMA}"))
                    conn.execute(text(f"drop schema if exists {OLD_SCHEMA} cascade"))
                else:
                    conn.execute(text(f"drop schema if exists {NEXT_SCHEMA} cascade"))
                conn.execute(
                    text(
                        "update intake.builds set finished_at = now(), succeeded = :ok, "
                        "failures = cast(:failures as jsonb) where build_id = :id"
                    ),
                    {
                        "ok": outcome.success,
                        "failures": json.dumps(outcome.failures, ensure_ascii=False),
                        "id": build_id,
                    },
                )
        finally:
            lock_conn.execute(text("select pg_advisory_unlock(:k)"), {"k": BUILD_LOCK})
            lock_conn.commit()
    return SafeBuildOutcome(
        outcome.success, outcome.failures, build_id=build_id, carried_over=carried
    )
