"""Action-plan exports: activity status per cut-off (sent by each lead entity) and barriers."""

from __future__ import annotations

import random
from pathlib import Path

from seeds.generator.catalog import Catalog
from seeds.generator.formats import STYLES, Style, format_header
from seeds.generator.writers import write_export

STATUSES = ["no iniciada", "iniciada", "totalmente ejecutada"]
# Cut-off → folder of the delivery (the month the entities report it).
CUTOFFS = {"2024-C1": "2024-06", "2024-C2": "2024-09", "2024-C3": "2025-01"}

# Activities NOT reported at each cut-off. 2024-C1 gives the deck: UTA1 15/20, UTA2 10/16,
# UTA3 7/12 (32/48), reported by exactly the entities the deck lists.
NOT_REPORTED = {
    "2024-C1": {
        "UTA1-E11", "UTA1-E12", "UTA1-E13", "UTA1-I06", "UTA1-I07",
        "UTA2-E07", "UTA2-E09", "UTA2-E12", "UTA2-E13", "UTA2-I02", "UTA2-I03",
        "UTA3-E04", "UTA3-E05", "UTA3-I04", "UTA3-I05", "UTA3-I06",
    },
    "2024-C2": {
        "UTA1-E13", "UTA1-I07", "UTA2-E12", "UTA2-E13", "UTA2-I02", "UTA3-E05", "UTA3-I05",
        "UTA3-I06",
    },
    "2024-C3": {"UTA1-E13", "UTA2-E13", "UTA3-I06"},
}  # fmt: skip
# Transversal activities started (iniciada or totalmente ejecutada) by each cut-off:
# 5 of 11 = 45 % at 2024-C1, as in the deck.
TRANSVERSAL_STARTED = {
    "2024-C1": {"TRV-01": 1, "TRV-02": 1, "TRV-03": 1, "TRV-05": 2, "TRV-08": 1},
    "2024-C2": {"TRV-01": 1, "TRV-02": 2, "TRV-03": 2, "TRV-04": 1, "TRV-05": 2, "TRV-06": 1,
                "TRV-08": 1},
    "2024-C3": {"TRV-01": 2, "TRV-02": 2, "TRV-03": 2, "TRV-04": 1, "TRV-05": 2, "TRV-06": 2,
                "TRV-07": 1, "TRV-08": 2, "TRV-10": 1},
}  # fmt: skip
NOTES = {
    ("UTA1-E03", "2024-C1"): "806.728 personas migrantes con encuesta Sisbén a mayo de 2024.",
    (
        "UTA1-E02",
        "2024-C1",
    ): "Tablero presentado al comité; indicadores y protocolos en definición.",
    ("UTA1-E01", "2024-C1"): "7.218 orientaciones en la Estrategia Intégrate entre enero y mayo.",
    ("UTA1-E08", "2024-C1"): "1.214 mujeres migrantes atendidas entre enero y mayo.",
    (
        "UTA1-E09",
        "2024-C1",
    ): "40 personas migrantes de 6 a 28 años vinculadas al modelo pedagógico.",
    ("UTA2-E01", "2024-C1"): "Promedio mensual de 259.570 personas migrantes afiliadas (ene–abr).",
    ("UTA2-E03", "2024-C1"): "78.987 personas migrantes creadas como terceros.",
    ("UTA3-E01", "2024-C1"): "3.993 orientaciones en Rutas de Acceso a la Justicia.",
    ("UTA3-E02", "2024-C1"): "6.982 migrantes en actividades de educación ambiental.",
    ("UTA3-E06", "2024-C1"): "1 delegado distrital y 14 delegados locales en 13 localidades.",
}
GENERIC_NOTES = [
    "Pendiente de concertar con las entidades corresponsables.",
    "En ejecución; avance presentado en la mesa de trabajo de la UTA.",
    "Meta del periodo cumplida; soportes enviados a la Secretaría Técnica.",
]

# Deck texts per UTA (cut-off enero–mayo 2024), attributed to the entity that raised them.
HIGHLIGHT, BARRIER = "actividad destacada", "barrera"
BARRIERS_C1 = [
    (
        "SDG",
        "UTA1",
        HIGHLIGHT,
        "Regularización de la población migrante internacional para el acceso de bienes y "
        "servicios.",
    ),
    (
        "SDG",
        "UTA1",
        BARRIER,
        "Falta de corresponsabilidad por parte de la población sobre oferta y procedimientos "
        "para el acceso, la cobertura y permanencia.",
    ),
    (
        "SDG",
        "UTA1",
        BARRIER,
        "Falta de capacitación por parte de los funcionarios de la administración distrital.",
    ),
    (
        "SDG",
        "UTA1",
        BARRIER,
        "Falta de transversalidad de la gobernanza migratoria en el quehacer de las entidades.",
    ),
    (
        "SDG",
        "UTA1",
        BARRIER,
        "Ausencia de un portafolio de bienes y servicios consolidado, además de una campaña "
        "distrital unificada para la socialización de la oferta.",
    ),
    (
        "SDS",
        "UTA2",
        BARRIER,
        "Dificultades en la identificación de la población migrante internacional para ofrecer "
        "los servicios por los cambios constantes en las localidades.",
    ),
    (
        "IDPAC",
        "UTA3",
        HIGHLIGHT,
        "Vinculación a las organizaciones de la base comunitaria y líderes comunitarios en los "
        "espacios institucionales.",
    ),
    (
        "IDPAC",
        "UTA3",
        BARRIER,
        "Relacionamiento con organización de la base comunitaria por aspectos como flotabilidad "
        "de la población, llegada de nuevos funcionarios y desintegración de algunas grandes "
        "organizaciones.",
    ),
]
BARRIERS_LATER = {
    "2024-C2": [
        (
            "SDG",
            "UTA1",
            HIGHLIGHT,
            "Jornadas de capacitación a servidores públicos en atención a población migrante.",
        ),
        (
            "SDDE",
            "UTA2",
            BARRIER,
            "Baja convalidación de títulos y certificación de experiencia de la población "
            "migrante.",
        ),
        (
            "SDG",
            "TRANSVERSAL",
            HIGHLIGHT,
            "Primera carga de información del Tablero de Control con los datos de las entidades.",
        ),
    ],
    "2024-C3": [
        (
            "SDG",
            "UTA1",
            BARRIER,
            "Rotación de enlaces de las entidades que reportan la información.",
        ),
        (
            "IDPAC",
            "UTA3",
            HIGHLIGHT,
            "Encuentros interculturales con organizaciones de base comunitaria en Kennedy y Suba.",
        ),
    ],
}
ACTION_STYLE = {
    "SDG": Style(fmt="xlsx", header="title"),
    "SED": Style(delimiter=";", encoding="cp1252"),
    "SDS": Style(fmt="xlsx"),
    "IDPAC": Style(),
    "SG": Style(fmt="xlsx", header="title"),
}


def _style(entity: str) -> Style:
    base = ACTION_STYLE.get(entity) or STYLES.get(entity) or Style()
    return Style(fmt=base.fmt, delimiter=base.delimiter, encoding=base.encoding, header=base.header)


def _statuses(catalog: Catalog, seed: int) -> dict[tuple[str, str], int]:
    """(activity, cut-off) → status index; never goes back between cut-offs."""
    result: dict[tuple[str, str], int] = {}
    for activity in catalog.activities:
        code = activity["activity_code"]
        rng = random.Random(f"{seed}:{code}")
        level: int | None = None
        for cutoff in CUTOFFS:
            if activity["activity_kind"] == "transversal":
                level = TRANSVERSAL_STARTED[cutoff].get(code, 0)
            elif code not in NOT_REPORTED[cutoff]:
                if level is None:  # first report
                    level = rng.choices([0, 1, 2], weights=[0.35, 0.5, 0.15])[0]
                else:
                    level = min(2, level + rng.choices([0, 1], weights=[0.55, 0.45])[0])
            if (code, cutoff) in NOTES and level is not None:
                level = max(level, 1)  # a deck figure means the activity is under way
            result[(code, cutoff)] = level or 0
    return result


def write_activity_files(catalog: Catalog, out: Path, seed: int) -> list[Path]:
    statuses = _statuses(catalog, seed)
    written: list[Path] = []
    for cutoff, folder in CUTOFFS.items():
        by_entity: dict[str, list[list[str]]] = {}
        for activity in catalog.activities:
            code = activity["activity_code"]
            if activity["activity_kind"] != "transversal" and code in NOT_REPORTED[cutoff]:
                continue
            level = statuses[(code, cutoff)]
            note = NOTES.get((code, cutoff), GENERIC_NOTES[level])
            entity = activity["lead_entity_code"]
            by_entity.setdefault(entity, []).append([entity, code, cutoff, STATUSES[level], note])
        for entity, rows in sorted(by_entity.items()):
            style = _style(entity)
            header = format_header(
                ["entidad", "actividad", "corte", "estado", "avance"], style.header
            )
            path = out / folder / f"{entity}_actividades_{cutoff}"
            written.append(write_export(path, header, rows, style))
    return written


def write_barrier_files(out: Path) -> list[Path]:
    written: list[Path] = []
    items = {"2024-C1": BARRIERS_C1, **BARRIERS_LATER}
    for cutoff, barriers in items.items():
        by_entity: dict[str, list[list[str]]] = {}
        for entity, uta, kind, text in barriers:
            by_entity.setdefault(entity, []).append([entity, uta, cutoff, kind, text])
        for entity, rows in sorted(by_entity.items()):
            style = _style(entity)
            header = format_header(["entidad", "uta", "corte", "tipo", "texto"], style.header)
            path = out / CUTOFFS[cutoff] / f"{entity}_barreras_{cutoff}"
            written.append(write_export(path, header, rows, style))
    return written
