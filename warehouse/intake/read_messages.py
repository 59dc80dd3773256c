"""The reader's Spanish messages about a whole workbook or file format (where the data is, which
formats are not read and how to save them as .xlsx)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warehouse.intake.reader import Sheet


SAVE_AS_XLSX = "guárdelo como «Libro de Excel (.xlsx)» (Archivo > Guardar como) o envíe un CSV"
UNSUPPORTED = {
    ".xls": f"Formato .xls (Excel 97-2003) no admitido: {SAVE_AS_XLSX}",
    ".xlsb": f"Formato .xlsb (libro binario de Excel) no admitido: {SAVE_AS_XLSX}",
    ".ods": (
        "Formato no admitido «.ods» (LibreOffice): en LibreOffice use Archivo > Guardar como > "
        "«Excel 2007-365 (.xlsx)», o envíe un CSV"
    ),
}


def no_header_message(sheet: Sheet) -> str:
    text = (
        "No se encontró la fila de encabezado (con nombres como entidad, indicador, mes, "
        "valor) en las primeras 30 filas"
    )
    if sheet.sheet_name is None:
        return text + ". Use la plantilla oficial."
    text += (
        f" de la hoja «{sheet.sheet_name}», que es la que se leyó (la llamada «datos» o, si no "
        f"hay, la primera). El libro tiene las hojas: "
        + ", ".join(f"«{n}»" for n in sheet.sheet_names)
        + "."
    )
    if sheet.other_headers:
        found = ", ".join(f"«{n}» (fila {r})" for n, r in sheet.other_headers.items())
        text += f" Hay un encabezado en la hoja {found}: ponga los datos en la hoja «datos»."
    return text + " Use la plantilla oficial."


def several_sheets_message(sheet: Sheet) -> str:
    others = ", ".join(f"«{n}» (encabezado en la fila {r})" for n, r in sheet.other_headers.items())
    return (
        f"El libro tiene datos en varias hojas: se leería solo «{sheet.sheet_name}» (la llamada "
        f"«datos» o, si no hay, la primera visible) y se perderían las filas de {others}. "
        "Ponga todas las filas en una sola hoja «datos», o envíe un archivo por hoja."
    )
