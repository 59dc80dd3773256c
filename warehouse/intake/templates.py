"""XLSX templates per export kind: header, Spanish instructions, drop-down lists, number checks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from warehouse.contracts import EXPORT_KINDS, ExportKind
from warehouse.intake.catalog import (
    ACTIVITY_STATUSES,
    BARRIER_TYPES,
    DOCUMENT_TYPES,
    MATURITY_SCORES,
    SEXES,
    Catalog,
    load_catalog,
)

TEMPLATE_ROWS = 5000  # rows that carry the drop-downs and number checks
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def _lists(kind: ExportKind, catalog: Catalog, entity: str | None) -> dict[str, list[str]]:
    """Allowed values per column; an entity's template lists only its own codes."""
    indicators = catalog.indicators_of(entity) if entity else list(catalog.indicators.values())
    activities = catalog.activities_of(entity) if entity else list(catalog.activities.values())
    products = catalog.products_of(entity) if entity else list(catalog.products.values())
    localities = [
        name for code, name in sorted(catalog.localities.items()) if code not in ("00", "99")
    ]
    return {
        "entidad": [entity] if entity else sorted(catalog.entities),
        "indicador": [i.code for i in indicators],
        "localidad": localities,
        "actividad": [a.code for a in activities],
        "producto": [p.code for p in products],
        "corte": list(catalog.cutoffs),
        "estado": list(ACTIVITY_STATUSES),
        "uta": list(catalog.utas),
        "tipo": list(BARRIER_TYPES),
        "asiste": ["sí", "no"],
        "criterio": list(catalog.criteria),
        "calificacion": list(MATURITY_SCORES),
        "tipo_documento": list(DOCUMENT_TYPES),
        "sexo": [s for s in SEXES if s != "total"],
    }


STEPS = (
    "1. Escriba los datos en la hoja «datos», una fila por registro, desde la fila 2.",
    "2. No cambie, borre ni reordene el encabezado de la fila 1.",
    "3. Use las listas desplegables: solo se aceptan los códigos del catálogo.",
    "4. Meses como AAAA-MM (2024-05). Números sin texto: 1214 o 1.214; decimales con coma.",
    "5. Guarde como .xlsx (o CSV UTF-8 con las mismas columnas) y envíelo según el protocolo "
    "de entrega (docs/protocolo_entrega.md).",
    "6. Antes de enviar puede validar el archivo con «tablero check ARCHIVO».",
    "7. Para corregir un envío, reenvíe el archivo completo del mismo periodo: reemplaza al "
    "anterior y el historial se conserva.",
)


def _instructions(sheet, kind: ExportKind, catalog: Catalog, entity: str | None) -> None:
    """Lines starting with `#` are headings."""
    who = f"{entity} — {catalog.entities.get(entity, '')}" if entity else "cualquier entidad"
    lines = [f"# Plantilla: {kind.label}", f"Entidad: {who}", "", "# Cómo diligenciarla", *STEPS]
    lines += ["", "# Columnas"]
    for col in kind.columns:
        flag = "obligatoria" if col.required else "opcional"
        lines.append(f"• {col.name} ({flag}): {col.description}")
    if kind.secret:
        lines += [
            "",
            "# Protección de datos",
            "El número de documento se reemplaza por un seudónimo cifrado (HMAC) al cargarlo; "
            "el número nunca se guarda en el almacén.",
        ]
    if "corte" in kind.period and catalog.cutoffs:
        lines += ["", "# Cortes de seguimiento"]
        lines += [f"• {code}: {name}" for code, name in catalog.cutoffs.items()]
    for row, text in enumerate(lines, start=1):
        heading = text.startswith("# ")
        cell = sheet.cell(row=row, column=1, value=text.removeprefix("# "))
        cell.font = Font(bold=heading, size=13 if heading else 11)
    sheet.column_dimensions["A"].width = 110


def _list_validation(lists_sheet, column: int, values: list[str], name: str) -> DataValidation:
    letter = get_column_letter(column)
    lists_sheet.cell(row=1, column=column, value=name).font = Font(bold=True)
    for row, value in enumerate(values, start=2):
        lists_sheet.cell(row=row, column=column, value=value)
    last = max(len(values) + 1, 2)
    validation = DataValidation(
        type="list", formula1=f"=listas!${letter}$2:${letter}${last}", allow_blank=True
    )
    validation.error = "Elija un valor de la lista."
    validation.errorTitle = "Valor no válido"
    validation.showErrorMessage = True
    return validation


def build_template(
    kind: ExportKind, entity: str | None = None, catalog: Catalog | None = None
) -> Workbook:
    catalog = catalog or load_catalog()
    if entity and entity not in catalog.entities:
        raise ValueError(f"Entidad desconocida «{entity}».")
    workbook = Workbook()
    data = workbook.active
    data.title = "datos"
    instructions = workbook.create_sheet("instrucciones")
    lists_sheet = workbook.create_sheet("listas")
    lists = _lists(kind, catalog, entity)
    for index, col in enumerate(kind.columns, start=1):
        cell = data.cell(row=1, column=index, value=col.name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(16, len(col.name) + 4)
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        validation = None
        if col.name in lists:
            validation = _list_validation(lists_sheet, index, lists[col.name], col.name)
        elif col.sql_type == "numeric":
            validation = DataValidation(
                type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
            )
            validation.error = "Escriba un número mayor o igual a 0."
            validation.showErrorMessage = True
        elif col.name == "fecha_sesion":
            validation = DataValidation(
                type="date", operator="greaterThan", formula1="43831", allow_blank=True
            )
            validation.error = "Escriba una fecha (DD/MM/AAAA)."
            validation.showErrorMessage = True
        if validation is not None:
            validation.promptTitle = col.name
            validation.prompt = col.description[:250]
            validation.showInputMessage = True
            data.add_data_validation(validation)
            validation.add(cells)
        if col.name == "mes":
            for row in range(2, 200):
                data.cell(row=row, column=index).number_format = "@"
    data.freeze_panes = "A2"
    _instructions(instructions, kind, catalog, entity)
    lists_sheet.sheet_state = "hidden"
    return workbook


def write_template(
    kind_code: str, output: Path, entity: str | None = None, catalog: Catalog | None = None
) -> Path:
    kind = EXPORT_KINDS[kind_code]
    build_template(kind, entity, catalog).save(output)
    return output
