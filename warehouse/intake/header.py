"""Find the header row of a sheet (title rows and merged cells above it) and name its columns."""

from __future__ import annotations

from dataclasses import dataclass, field

from warehouse.contracts import EXPORT_KINDS
from warehouse.intake.cells import clean
from warehouse.intake.parsing import normalize_name
from warehouse.intake.problems import Problem

HEADER_SEARCH_ROWS = 30

# Spellings seen in hand-made files → contract column name (after normalize_name).
SYNONYMS: dict[str, str] = {
    "codigo_entidad": "entidad",
    "cod_entidad": "entidad",
    "entidad_codigo": "entidad",
    "codigo_indicador": "indicador",
    "cod_indicador": "indicador",
    "indicador_codigo": "indicador",
    "codigo_actividad": "actividad",
    "actividad_codigo": "actividad",
    "periodo": "mes",
    "mes_reporte": "mes",
    "mes_del_dato": "mes",
    "cantidad": "valor",
    "total": "valor",
    "grupo_de_edad": "grupo_edad",
    "rango_edad": "grupo_edad",
    "rango_de_edad": "grupo_edad",
    "fecha_de_sesion": "fecha_sesion",
    "fecha": "fecha_sesion",
    "asistencia": "asiste",
    "asistio": "asiste",
    "corte_de_seguimiento": "corte",
    "estado_de_la_actividad": "estado",
    "tipo_de_documento": "tipo_documento",
    "tipo_doc": "tipo_documento",
    "numero_de_documento": "numero_documento",
    "no_documento": "numero_documento",
    "nro_documento": "numero_documento",
    "documento": "numero_documento",
    "numero_de_identificacion": "numero_documento",
    "numero_identificacion": "numero_documento",
    "no_identificacion": "numero_documento",
    "nro_identificacion": "numero_documento",
    "identificacion": "numero_documento",
    "cedula": "numero_documento",
    "numero_de_cedula": "numero_documento",
    "num_documento": "numero_documento",
    "n_documento": "numero_documento",
    "numero_doc": "numero_documento",
    "documento_de_identidad": "numero_documento",
    "tipo_de_identificacion": "tipo_documento",
    "tipo_identificacion": "tipo_documento",
    "tipo_id": "tipo_documento",
    "criterio_codigo": "criterio",
    "nivel": "calificacion",
    "puntaje": "calificacion",
}

KNOWN_COLUMNS: frozenset[str] = frozenset(
    c.name for kind in EXPORT_KINDS.values() for c in kind.columns
)


def canonical_column(text: str) -> str | None:
    """Contract column name for a header cell (case, accents, spaces and synonyms ignored)."""
    name = normalize_name(clean(text)).strip("_.:*")
    if not name:
        return None
    name = SYNONYMS.get(name, name)
    return name if name in KNOWN_COLUMNS else None


@dataclass
class Table:
    header_row: int  # file row number of the header (1-based)
    header: list[str]  # header cells as written
    columns: list[str | None]  # contract name per position (None = blank or unknown)
    records: list[tuple[int, list[str]]] = field(default_factory=list)  # (file row, cells)
    sheet_name: str | None = None  # XLSX: the sheet read
    problems: list[Problem] = field(default_factory=list)  # found while reading (merged cells)
    # CSV only: file row → its physical lines (first, last), and the delimiter.
    lines: dict[int, tuple[int, int]] | None = None
    delimiter: str | None = None

    def position(self, column: str) -> int | None:
        return self.columns.index(column) if column in self.columns else None

    @property
    def unknown_headers(self) -> list[tuple[int, str]]:
        return [
            (i, h)
            for i, (h, c) in enumerate(zip(self.header, self.columns, strict=True))
            if c is None and h.strip()
        ]

    @property
    def duplicated_columns(self) -> list[str]:
        named = [c for c in self.columns if c]
        return sorted({c for c in named if named.count(c) > 1})


def find_header(rows: list[list[str]]) -> Table | None:
    """The first row (in the first 30) naming the most contract columns, at least two."""
    best_index, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len({canonical_column(c) for c in row} - {None})
        if score > best_score:
            best_index, best_score = index, score
    if best_index is None:
        return None
    header = [clean(str(c)) for c in rows[best_index]]
    columns = [canonical_column(c) for c in header]
    records = [
        (index + 1, [str(c) for c in row])
        for index, row in enumerate(rows)
        if index > best_index and any(str(c).strip() for c in row)
    ]
    return Table(best_index + 1, header, columns, records)
