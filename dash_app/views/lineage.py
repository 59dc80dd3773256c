"""«¿De dónde sale esta cifra?»: the deliveries behind an indicator in the period. They are
whole files (every locality), so with localities chosen the list says plainly that it shows
the district, and the card's figure is traced by the data table (its rows, by locality)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd

from dash_app.cache import cached_call
from dash_app.components.common import empty_note
from dash_app.components.table import grid
from dash_app.state import FilterState, names
from warehouse.formatting import format_datetime
from warehouse.marts import indicadores

LINEAGE_COLUMNS = {
    "month_label": "Mes",
    "indicator_code": "Indicador",
    "entity_short_name": "Entidad",
    "file_name": "Archivo",
    "loaded_at_text": "Cargado",
    "row_count": "Filas (todo el archivo)",
    "value_total": "Suma de valores (todo el archivo)",
    "batch_id": "Entrega n.º",
}


def lineage_frame(code: str, state: FilterState) -> pd.DataFrame:
    frame = cached_call(indicadores.lineage, code, state.start, state.end).copy()
    if state.entity:
        frame = frame[frame["entity_code"] == state.entity]
    frame["loaded_at_text"] = [format_datetime(v) for v in frame["loaded_at"]]
    return frame


def district_note(state: FilterState) -> str | None:
    """With localities chosen: the files hold every locality, the card only the chosen ones."""
    if not state.localities:
        return None
    localities = names.locality_names()
    chosen = ", ".join(localities.get(code, code) for code in state.localities)
    return (
        f"Estas entregas son los archivos completos de todo el Distrito: sus filas y su suma "
        f"incluyen todas las localidades, no solo {chosen}. La cifra de la tarjeta toma de "
        "ellos solo las filas de la localidad elegida: están en la tabla de datos de arriba "
        "(columna «Entrega n.º»)."
    )


# dbt models a derived indicator may read besides indicators, said for people
MODEL_SOURCES = {
    "mart_population_by_year": (
        "la población proyectada por localidad y año (SDP / DANE, "
        "seeds/catalog/locality_population.csv)"
    ),
}


def inputs_note(code: str) -> str | None:
    """A derived indicator (models/metrics/): the model and what it is computed from."""
    inputs = cached_call(indicadores.metric_inputs, code)
    if inputs.empty:
        return None
    parts = [
        f"{r.input_code} ({r.input_name})"
        if r.input_kind == "indicador"
        else MODEL_SOURCES.get(r.input_code, f"el modelo {r.input_code}")
        for r in inputs.itertuples()
    ]
    return (
        f"Indicador derivado: lo calcula el modelo de dbt {inputs.iloc[0]['metric_model']} a "
        f"partir de {', '.join(parts)}. Abajo, las entregas de esos indicadores (archivos)."
    )


def section(code: str, state: FilterState, grid_id: str) -> dbc.Accordion:
    frame = lineage_frame(code, state)
    note = district_note(state)
    derived = inputs_note(code)
    body = (
        empty_note("No hay entregas registradas para este indicador en el periodo.")
        if frame.empty
        else grid(grid_id, frame, LINEAGE_COLUMNS, ("row_count", "value_total"), height=300)
    )
    title = "¿De dónde sale esta cifra? Entregas de origen (entidad, archivo, fecha)"
    if note:
        title += " · archivos de todo el Distrito"
    children = [
        dbc.Alert(text, color="info", className="small", id=f"{grid_id}-{key}")
        for key, text in (("inputs", derived), ("note", note))
        if text
    ] + [body]
    return dbc.Accordion(
        dbc.AccordionItem(children, title=title, item_id="lineage"),
        start_collapsed=True,
        className="mt-3",
        id=f"{grid_id}-accordion",
    )
