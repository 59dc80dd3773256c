"""The lean query path: one engine per URL, and a connection the server dropped is retried once
(no pre-ping round trip on every checkout)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from warehouse import db as warehouse_db
from warehouse.marts import query


def test_one_engine_per_url_without_pre_ping(engine):
    assert warehouse_db.get_engine() is warehouse_db.get_engine()
    assert warehouse_db.get_engine().pool._pre_ping is False


def test_a_connection_killed_by_the_server_is_retried_once(engine):
    warehouse_db.get_engine().dispose()  # one connection in the pool: the next ones reuse it
    pid = query.scalar("select pg_backend_pid()")
    assert query.scalar("select pg_backend_pid()") == pid  # the pooled connection is reused
    admin = create_engine(warehouse_db.get_engine().url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("select pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    admin.dispose()
    assert query.scalar("select 41 + 1") == 42
    assert query.scalar("select pg_backend_pid()") != pid
    assert list(query.frame("select 1 as one")["one"]) == [1]
