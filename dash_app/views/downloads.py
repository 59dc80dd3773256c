"""What each download holds, in words: the header block of its CSV (comment lines) or XLSX
(sheet 'acerca_de'), beside the filters, period and data date added by register_download."""

from __future__ import annotations

import pandas as pd

from dash_app.export import Header
from dash_app.state import FilterState
from dash_app.views import common

ROWS_NOTE = (
    "La columna «Fila» dice si cada fila es el total de una localidad y un mes («Total») o una "
    "desagregación por sexo o grupo de edad («Desagregación»). Sume solo las filas «Total»: "
    "sumar todas contaría dos veces."
)
BARRIERS_NOTE = (
    "Cada fila es un texto reportado por una entidad en el corte: barreras identificadas y "
    "actividades destacadas. No hay cifras que sumar."
)


def row_kind(is_total: pd.Series) -> pd.Series:
    """'Total' / 'Desagregación' for each row of an indicator's values."""
    return is_total.astype(bool).map({True: "Total", False: "Desagregación"})


def indicator_description(code: str, rows: pd.DataFrame) -> Header:
    """Name, definition, unit, rule and entity of the indicator; the deliveries its rows come
    from; how totals and breakdowns are told apart."""
    catalogue = common.catalogue()
    if code not in set(catalogue["indicator_code"]):
        return [("Indicador", code)]
    row = catalogue.set_index("indicator_code").loc[code]
    deliveries = sorted({int(v) for v in rows.get("entrega", pd.Series(dtype=object)).dropna()})
    return [
        ("Indicador", f"{row['indicator_name']} ({code})"),
        ("Definición", row["definition"]),
        ("Unidad", row["unit"]),
        ("Regla de agregación", common.RULE_LABELS.get(row["aggregation_rule"], "")),
        ("Entidad responsable", row["entity_short_name"]),
        (
            "Entregas de origen",
            ", ".join(f"n.º {d}" for d in deliveries) if deliveries else "ninguna en el periodo",
        ),
        ("Filas", ROWS_NOTE),
    ]


def barriers_description(state: FilterState, search: str | None, kind: str | None) -> Header:
    _, cutoff_name = common.cutoff_for(state)
    return [
        ("Contenido", "Barreras y actividades destacadas"),
        ("Corte", cutoff_name or "ningún corte cae en el periodo"),
        ("Tipo", kind if kind and kind != "todo" else "barreras y actividades destacadas"),
        ("Búsqueda", search or "sin búsqueda"),
        ("Filas", BARRIERS_NOTE),
    ]
