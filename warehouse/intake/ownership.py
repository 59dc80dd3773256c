"""Every row belongs to the delivering entity: the delivery's entity is established once and
each row must name it (a file from one entity never carries, nor replaces, another's data)."""

from __future__ import annotations

from typing import Any

from warehouse.contracts import ExportKind
from warehouse.intake.catalog import Catalog
from warehouse.intake.problems import Problem, file_problem


def _declared_problem(kind: ExportKind, declared: str, catalog: Catalog) -> Problem | None:
    if declared not in catalog.entities:
        return file_problem(
            f"La entidad declarada al enviar el archivo, «{declared}», no está en el catálogo.",
            "Declare el código de su entidad (p. ej. SDIS).",
        )
    if kind.delivered_by and declared != kind.delivered_by:
        return file_problem(
            f"«{kind.label}» la entrega solo {kind.delivered_by} (Secretaría Técnica), no "
            f"{declared}.",
            f"Envíe el archivo como {kind.delivered_by} o entregue su propia plantilla.",
        )
    return None


def establish_entity(
    kind: ExportKind, rows: list[dict[str, Any]], catalog: Catalog, declared: str | None = None
) -> tuple[str | None, list[Problem]]:
    """The delivery's entity and a problem for every row naming another one.

    The entity is the declared one (the uploader's, when known), else the kind's fixed deliverer
    (attendance: the Secretaría Técnica), else the entity of the file's first row."""
    declared = declared.strip().upper() if declared else None
    if declared and (problem := _declared_problem(kind, declared, catalog)):
        return None, [problem]
    if kind.reporter is None:
        return declared or kind.delivered_by, []
    known = [r for r in rows if r.get(kind.reporter) in catalog.entities]
    if not known:
        return declared, []
    entity = declared or known[0][kind.reporter]
    source = (
        "la entidad declarada al enviarlo"
        if declared
        else f"la primera fila, la {known[0]['source_row']}"
    )
    problems = [
        Problem(
            r["source_row"],
            kind.reporter,
            r[kind.reporter],
            f"La fila es de {r[kind.reporter]}, pero el archivo es de {entity} (según {source}): "
            "un archivo trae solo filas de la entidad que lo entrega, y no puede reemplazar "
            "cifras de otra.",
            f"Quite la fila; {r[kind.reporter]} entrega sus cifras en su propio archivo.",
        )
        for r in known
        if r[kind.reporter] != entity
    ]
    return entity, problems
