"""Run dbt in-process against the configured warehouse, with the repo's own profiles.yml."""

from __future__ import annotations

import os
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
    }


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
