"""Each bad file of the corpus is rejected with a Spanish error naming row, column and value,
is archived as 'rechazado', and leaves every raw and mart table exactly as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from intake.bad_corpus import CORPUS as FIRST
from intake.bad_corpus import BadFile
from intake.bad_corpus_more import MORE
from intake.snapshots import warehouse_snapshot
from warehouse.intake.loader import load_file

CORPUS = (*FIRST, *MORE)


def test_corpus_has_at_least_thirty_distinct_files():
    assert len(CORPUS) >= 30
    assert len({b.name for b in CORPUS}) == len(CORPUS)
    assert len({b.make() for b in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad", CORPUS, ids=[b.name for b in CORPUS])
def test_bad_file_is_rejected_archived_and_changes_nothing(built_warehouse, tmp_path, bad: BadFile):
    path = tmp_path / bad.name
    path.write_bytes(bad.make())
    before = warehouse_snapshot(built_warehouse)
    assert any(table.startswith("marts.") for table in before)
    assert any(table.startswith("raw.") and count for table, (count, _) in before.items())

    result = load_file(built_warehouse, path, submitter="prueba")

    assert result.status == "rechazado"
    matching = [
        p
        for p in result.errors
        if bad.says in f"{p.problem} {p.fix}"
        and (bad.row is None or p.row == bad.row)
        and (bad.column is None or p.column == bad.column)
        and (bad.value is None or p.value == bad.value)
    ]
    assert matching, [str(p) for p in result.problems]
    assert warehouse_snapshot(built_warehouse) == before
    with built_warehouse.connect() as conn:
        archived = conn.execute(
            text(
                "select status, file_name, file_sha256, submitter, error_report, content, "
                "content_kind from intake.deliveries where delivery_id = :id"
            ),
            {"id": result.delivery_id},
        ).one()
    assert archived.status == "rechazado" and archived.file_name == bad.name
    assert archived.submitter == "prueba" and len(archived.file_sha256) == 64
    assert any(p["problem"] == matching[0].problem for p in archived.error_report)
    if archived.content_kind == "original":
        assert bytes(archived.content) == path.read_bytes()
    else:  # only oversize files are not kept byte for byte
        assert bad.name == "archivo_demasiado_grande.csv"
