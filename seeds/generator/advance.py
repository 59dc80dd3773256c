"""Product advance exports (illustrative): each responsible entity reports its products' values
at every cut-off. At 2024-C1 the products that match a deck figure report that figure."""

from __future__ import annotations

from pathlib import Path

from seeds.generator.action_plan import CUTOFFS, _style
from seeds.generator.catalog import CATALOG_DIR, _read
from seeds.generator.formats import format_header
from seeds.generator.writers import write_export

# product → value at 2024-C1, 2024-C2, 2024-C3 (None = not reported at that cut-off).
VALUES: dict[str, tuple[int | None, int | None, int | None]] = {
    "P1-01": (7218, 11800, 16200),
    "P1-02": (806728, 829400, 861500),
    "P1-03": (15, 25, 40),
    "P1-04": (1214, 1890, 2870),
    "P1-05": (235, 380, 560),
    "P1-06": (40, 71, 112),
    "P1-07": (140, 260, 470),
    "P2-01": (7400, 12100, 18300),
    "P2-02": (256352, 371000, 489000),
    "P2-03": (111, 198, 352),
    "P2-04": (82, None, 231),
    "P2-05": (78987, 84210, 88950),
    "P2-06": (None, 2100, 3650),
    "P3-01": (3993, 6120, 8740),
    "P3-02": (6982, 9900, 14100),
    "P3-03": (4, 7, 11),
    "P3-04": (13, 13, 14),
    "P3-05": (0, 0, 0),
}  # fmt: skip
NOTES = {
    "P1-02": "Personas migrantes con encuesta Sisbén, acumulado desde 2023.",
    "P1-03": "Tablero presentado al comité; indicadores y protocolos en definición.",
    "P2-05": "Personas migrantes creadas como terceros, acumulado.",
    "P3-04": "1 delegado distrital y 14 delegados locales en 13 localidades.",
    "P3-05": "Programada desde 2025: sin meta en 2024.",
}
GENERIC = ("Avance reportado en la mesa de la UTA.", "Soportes enviados a la Secretaría Técnica.")
HEADER = ["entidad", "producto", "corte", "valor_reportado", "nota"]


def write_advance_files(out: Path) -> list[Path]:
    products = _read(CATALOG_DIR / "products.csv")
    written: list[Path] = []
    for index, (cutoff, folder) in enumerate(CUTOFFS.items()):
        by_entity: dict[str, list[list[str | int]]] = {}
        for product in products:
            code, entity = product["product_code"], product["entity_code"]
            value = VALUES[code][index]
            if value is None:
                continue
            note = NOTES.get(code, GENERIC[(index + len(code)) % 2])
            by_entity.setdefault(entity, []).append([entity, code, cutoff, value, note])
        for entity, rows in sorted(by_entity.items()):
            style = _style(entity)
            path = out / folder / f"{entity}_avance_{cutoff}"
            written.append(write_export(path, format_header(HEADER, style.header), rows, style))
    return written
