"""Committee attendance and governance-maturity exports, sent by the Secretaría Técnica (SDG)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from seeds.generator.catalog import Catalog
from seeds.generator.formats import Style, format_header
from seeds.generator.writers import write_export

# Sessions of the intersectoral committee in 2024 and the member entities that did not attend.
SESSIONS: dict[date, set[str]] = {
    date(2024, 6, 20): {"SDM", "IDIGER", "IDRD"},
    date(2024, 11, 28): {"SDHT", "IDIGER"},
}
# Rating per criterion (0 ausente, 1 parcial, 2 completo) at each assessment: progress in 2024.
RATINGS = {
    date(2024, 6, 1): {
        "DER": [1, 2, 1], "GOB": [2, 2, 1], "ALI": [1, 1, 0],
        "BIE": [1, 0, 0], "CRI": [0, 0, 1], "MIG": [2, 1, 1],
    },
    date(2024, 12, 1): {
        "DER": [2, 2, 1], "GOB": [2, 2, 2], "ALI": [2, 1, 1],
        "BIE": [1, 1, 0], "CRI": [1, 0, 1], "MIG": [2, 1, 2],
    },
}  # fmt: skip
LABELS = ["ausente", "parcial", "completo"]
EVIDENCE = [
    "Sin soporte a la fecha de la valoración.",
    "Avance documentado en actas de la instancia; falta cobertura completa.",
    "Soportes verificados por la Secretaría Técnica.",
]


def write_attendance_files(catalog: Catalog, out: Path) -> list[Path]:
    written: list[Path] = []
    for number, (session, absent) in enumerate(SESSIONS.items()):
        members = [e for e in catalog.entities if e["is_committee_member"] == "true"]
        members.sort(key=lambda e: int(e["quorum_order"]))
        if number == 0:  # the first list is typed in Excel with real dates and «Sí»/«No»
            style = Style(fmt="xlsx", header="title")
            day: date | str = datetime(session.year, session.month, session.day)
            yes, no = "Sí", "No"
        else:
            style = Style(delimiter=";", encoding="cp1252")
            day = f"{session:%d/%m/%Y}"
            yes, no = "Asiste", "No asiste"
        rows = [[day, e["entity_code"], no if e["entity_code"] in absent else yes] for e in members]
        header = format_header(["fecha_sesion", "entidad", "asiste"], style.header)
        path = out / f"{session:%Y-%m}" / f"SDG_asistencia_{session:%Y-%m-%d}"
        written.append(write_export(path, header, rows, style))
    return written


def write_maturity_files(catalog: Catalog, out: Path) -> list[Path]:
    written: list[Path] = []
    styles = [Style(), Style(fmt="xlsx", header="title")]
    for (month, ratings), style in zip(RATINGS.items(), styles, strict=True):
        rows = []
        for criterion in sorted(catalog.maturity_criteria, key=lambda c: int(c["sort_order"])):
            prefix, number = criterion["criterion_code"].split("-")
            level = ratings[prefix][int(number) - 1]
            rows.append(
                [
                    "SDG",
                    f"{month:%Y-%m}",
                    criterion["criterion_code"],
                    LABELS[level],
                    EVIDENCE[level],
                ]
            )
        header = format_header(
            ["entidad", "mes", "criterio", "calificacion", "evidencia"], style.header
        )
        path = out / f"{month:%Y-%m}" / f"SDG_madurez_{month:%Y-%m}"
        written.append(write_export(path, header, rows, style))
    return written
