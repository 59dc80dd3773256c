"""Data tables (dash-ag-grid, Spanish texts) with CSV/XLSX export buttons."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dash_app.export import Header, shown_rows, to_csv_bytes, to_xlsx_bytes

AG_GRID_LOCALE_ES = {
    "page": "Página",
    "to": "a",
    "of": "de",
    "more": "más",
    "next": "Siguiente",
    "last": "Última",
    "first": "Primera",
    "previous": "Anterior",
    "noRowsToShow": "No hay filas para estos filtros",
    "loadingOoo": "Cargando…",
    "filterOoo": "Filtrar…",
    "searchOoo": "Buscar…",
    "equals": "Igual a",
    "notEqual": "Distinto de",
    "contains": "Contiene",
    "notContains": "No contiene",
    "startsWith": "Empieza por",
    "endsWith": "Termina en",
    "blank": "Vacío",
    "notBlank": "No vacío",
    "lessThan": "Menor que",
    "greaterThan": "Mayor que",
    "inRange": "Entre",
    "andCondition": "Y",
    "orCondition": "O",
    "applyFilter": "Aplicar",
    "resetFilter": "Restablecer",
    "clearFilter": "Borrar",
    "pageSizeSelectorLabel": "Filas por página:",
    "ariaPageSizeSelectorLabel": "Filas por página",
}

NUMBER_FORMAT = {
    "function": "d3.formatLocale({decimal: ',', thousands: '.', "
    "grouping: [3], currency: ['$', '']}).format(',.2~f')(params.value)"
}


def grid(
    component_id: str,
    frame: pd.DataFrame,
    columns: dict[str, str],
    numeric: tuple[str, ...] = (),
    height: int = 380,
    wrap: tuple[str, ...] = (),
) -> dag.AgGrid:
    """columns: frame column → Spanish header (also the export headers); `wrap`: long texts."""
    column_defs = []
    for key, header in columns.items():
        definition = {
            "field": key,
            "headerName": header,
            "filter": True,
            "sortable": True,
            "tooltipField": key,
        }
        if key in numeric:
            definition |= {
                "type": "rightAligned",
                "valueFormatter": NUMBER_FORMAT,
                "filter": "agNumberColumnFilter",
                "tooltipField": None,
            }
        if key in wrap:
            definition |= {
                "wrapText": True,
                "autoHeight": True,
                "flex": 3,
                "minWidth": 240,
                "cellStyle": {
                    "lineHeight": "1.35",
                    "paddingTop": "6px",
                    "paddingBottom": "6px",
                    "wordBreak": "normal",
                },
            }
        column_defs.append(definition)
    data = frame[list(columns)]
    return dag.AgGrid(
        id=component_id,
        rowData=data.astype(object).where(data.notna(), None).to_dict("records"),
        columnDefs=column_defs,
        defaultColDef={"resizable": True, "flex": 1, "minWidth": 100},
        dashGridOptions={
            "localeText": AG_GRID_LOCALE_ES,
            "pagination": True,
            "paginationPageSize": 20,
            "animateRows": False,
            "tooltipShowDelay": 300,
            "enableCellTextSelection": True,
        },
        className="ag-theme-alpine",
        style={"height": f"{height}px", "width": "100%"},
    )


def export_buttons(prefix: str) -> html.Div:
    """CSV and XLSX buttons plus the dcc.Download they feed (ids: <prefix>-csv/-xlsx/-download)."""
    return html.Div(
        [
            dbc.Button(
                "Descargar CSV",
                id=f"{prefix}-csv",
                size="sm",
                color="primary",
                outline=True,
                className="me-2",
            ),
            dbc.Button(
                "Descargar Excel", id=f"{prefix}-xlsx", size="sm", color="primary", outline=True
            ),
            dcc.Download(id=f"{prefix}-download"),
        ],
        className="d-flex justify-content-end mb-2",
    )


def download_table(
    frame: pd.DataFrame,
    grid_rows: list[dict] | None,
    columns: dict[str, str],
    name: str,
    as_xlsx: bool,
    sheet: str = "datos",
    header: Header | None = None,
) -> dict:
    """The rows the grid shows (its own filters included) as a CSV or XLSX download, with the
    header that says what they hold (export.header_lines, or the sheet 'acerca_de')."""
    shown = shown_rows(frame, grid_rows, columns)
    if as_xlsx:
        return dcc.send_bytes(to_xlsx_bytes(shown, columns, sheet, header), f"{name}.xlsx")
    return dcc.send_bytes(to_csv_bytes(shown, columns, header), f"{name}.csv")
