"""Intake fixtures: a checksum of every raw and mart table, and a private warehouse for tests
that change data (so the session's shared demo warehouse stays as other tests expect it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from warehouse import db as warehouse_db
from warehouse.settings import PROJECT_ROOT, get_settings


def _reset_caches() -> None:
    get_settings.cache_clear()
    warehouse_db.clear_engines()


@pytest.fixture(scope="module")
def private_warehouse(database_url: str) -> Iterator[Engine]:
    """A second database for this module, loaded with the demo exports and built safely."""
    from warehouse.dbt_runner import safe_build
    from warehouse.demo import load_demo
    from warehouse.schema import ensure_schema

    server = make_url(database_url)
    name = f"tablero_intake_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "TABLERO_DBT_TARGET_DIR")}
    os.environ["DATABASE_URL"] = server.set(database=name).render_as_string(hide_password=False)
    os.environ["TABLERO_DBT_TARGET_DIR"] = str(
        PROJECT_ROOT / "dbt_project" / "target" / "tests" / name
    )
    _reset_caches()
    try:
        engine = warehouse_db.get_engine()
        ensure_schema(engine)
        results = load_demo(engine, get_settings().demo_dir)
        assert not [r.message for r in results if r.status == "rechazado"]
        outcome = safe_build()
        assert outcome.success, outcome.failures
        yield engine
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _reset_caches()
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()
