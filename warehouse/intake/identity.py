"""Identity numbers wherever a file carries them, not only in the person template: a column
named like a document (cédula, identificación, documento…) in any file, whatever template it
matched or failed to match, makes its archived copy pseudonymised and its reported values hidden
(Ley 1581 de 2012; docs/protocolo_entrega.md, «Datos personales»)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from warehouse.contracts import ExportKind
from warehouse.intake.header import Table, canonical_column
from warehouse.intake.problems import Problem
from warehouse.intake.pseudonym import looks_like_identity, pseudonymise
from warehouse.text import fold

IDENTITY_HEADER = re.compile(
    r"documento|cedula|identificacion|pasaporte|nuip|\bppt\b|\bpep\b|\bc\.?c\b|\bid\b|\bdni\b"
)
# In a whole file's text (an unreadable one): only the words, «id» is everywhere in XLSX XML.
DOCUMENT_WORDS = re.compile(r"documento|cedula|identificacion|pasaporte|nuip")
MASK = "(oculto)"


def is_identity_header(text: str) -> bool:
    return bool(IDENTITY_HEADER.search(fold(text).replace("_", " ")))


def identity_positions(table: Table, kind: ExportKind | None) -> set[int]:
    """Positions of the columns that hold identity numbers: the kind's secret columns and any
    column whose header names a document."""
    secret = set(kind.secret) if kind else set()
    return {
        position
        for position, header in enumerate(table.header)
        if canonical_column(header) in secret | {"numero_documento"} or is_identity_header(header)
    }


def carries_identities(table: Table | None, kind: ExportKind | None) -> bool:
    return table is not None and (
        bool(kind and kind.secret) or bool(identity_positions(table, kind))
    )


def _text(data: bytes) -> str:
    """Readable text of a file to search: an XLSX's XML members (bounded), else the bytes."""
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = [m for m in archive.infolist() if m.filename.endswith(".xml")]
                return " ".join(
                    archive.read(m).decode("utf-8", "replace")
                    for m in parts
                    if m.file_size < 20 * 1024 * 1024
                )
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
            return ""
    return data[:65536].decode("latin-1")


def may_hold_identity_numbers(data: bytes) -> bool:
    """Conservative, for a file that could not be read as a table: it names a document."""
    return bool(DOCUMENT_WORDS.search(fold(_text(data))))


def pseudonymised_copy(table: Table, kind: ExportKind | None, key: str) -> bytes:
    """The table as a `;` CSV with every identity number replaced by its pseudonym: cells of
    identity columns, and cells that look like one in the other text columns."""
    positions = identity_positions(table, kind)
    numeric = {
        table.position(c.name) for c in (kind.columns if kind else ()) if c.sql_type == "numeric"
    }
    type_pos = table.position("tipo_documento")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(table.header)
    for _, cells in table.records:
        cells = list(cells)
        doc_type = cells[type_pos] if type_pos is not None and type_pos < len(cells) else ""
        for pos, cell in enumerate(cells):
            named = pos in positions and cell.strip()
            if named or (pos not in numeric and looks_like_identity(cell)):
                cells[pos] = "hmac:" + pseudonymise(doc_type, cell, key)
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def mask_problem(problem: Problem, table: Table, kind: ExportKind | None) -> Problem:
    """Never echo an identity number: values of identity columns, and values that look like
    one outside the number columns, are hidden."""
    if problem.value in (None, "") or problem.value == MASK:
        return problem
    names = {
        canonical_column(table.header[p]) or table.header[p]
        for p in identity_positions(table, kind)
    }
    numeric = {c.name for c in (kind.columns if kind else ()) if c.sql_type == "numeric"}
    hidden = problem.column in names or (
        problem.column not in numeric and looks_like_identity(problem.value)
    )
    if not hidden:
        return problem
    return Problem(
        problem.row, problem.column, MASK, problem.problem, problem.fix, problem.severity
    )
