"""Portal fixtures: small delivery files and a checksum of the data the warehouse holds."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from warehouse.contracts import EXPORT_KINDS


def indicator_csv(entity: str, month: str, value: int, indicator: str | None = None) -> bytes:
    """A one-row indicator_values export (the district total of one month)."""
    indicator = indicator or {"SDMUJER": "UTA1_MUJER_ATENDIDAS"}.get(entity, "UTA1_SISBEN")
    return (
        f"entidad;indicador;localidad;mes;valor\n{entity};{indicator};;{month};{value}\n".encode()
    )


def raw_checksum(engine) -> dict[str, str]:
    """md5 of every raw table's rows: equal before and after means no raw row changed."""
    sums = {}
    with engine.connect() as conn:
        for kind in EXPORT_KINDS.values():
            sums[kind.table] = conn.execute(
                text(
                    f"select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    f"from {kind.table} as t"
                )
            ).scalar()
    return sums


@pytest.fixture
def checksum():
    return raw_checksum


@pytest.fixture(scope="session")
def portal_login(login):
    """login(), then the login rate limit starts afresh: these tests log in as several users
    within a minute, beside tests/access (the limit itself is tested there)."""

    def make(app, email: str, password: str):
        client = login(app, email, password)
        for limiter in app.server.extensions.get("limiter", ()):
            limiter.reset()
        return client

    return make
