"""One cell as the entity wrote it, before it is parsed: invisible characters removed, and the
cells that are no value at all refused in any column — an Excel error (#DIV/0!, #N/D), a formula
instead of its result, control characters (a NUL byte would also stop the database load)."""

from __future__ import annotations

import re

from warehouse.intake.problems import Problem

# Excel (English and Spanish) and LibreOffice error values, as a cell shows or a CSV saves them.
EXCEL_ERROR = re.compile(
    r"#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!"
    r"|UNKNOWN!|CONNECT!|BUSY!|¡NULO!|¡DIV/0!|¡VALOR!|¡REF!|¿NOMBRE\?|¡NUM!|N/D|¡DESBORDAMIENTO!"
    r"|¡CALC!|OBTENIENDO_DATOS|¡CAMPO!|¡BLOQUEADO!|¡DESCONOCIDO!|¡CONECTAR!|¡OCUPADO!)"
    r"|Err:\d{3}",
    re.IGNORECASE,
)
# A formula as text: `=` then a function, a reference or a bracket (not «= igual que…»).
FORMULA = re.compile(
    r"=\s*(@?[A-Za-zÁÉÍÓÚÑáéíóúñ_.]+\d*\s*[(!:*/+\-^&]|\$?[A-Z]{1,3}\$?\d+\b|[(+\-]"
    r"|\d+([.,]\d+)?\s*[*/+\-^&])"
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Byte-order marks, zero-width characters and the like that Excel or a web copy leaves behind.
INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
SPACES = re.compile(r"[\u00a0\u2007\u202f]")


def clean(text: str) -> str:
    """The cell without invisible characters, its special spaces as plain ones, stripped."""
    return SPACES.sub(" ", INVISIBLE.sub("", text)).strip()


def cell_problem(row: int, column: str, text: str) -> Problem | None:
    """Why the cell is no value at all (any column), or None."""
    if CONTROL.search(text):
        code = f"0x{ord(CONTROL.search(text).group()):02X}"  # type: ignore[union-attr]
        return Problem(
            row,
            column,
            CONTROL.sub("�", text),
            f"La celda contiene un carácter de control ({code}) que no es texto: el archivo "
            "está dañado o se exportó mal.",
            "Vuelva a exportar el archivo desde el sistema de origen o escriba el valor de nuevo.",
        )
    if EXCEL_ERROR.fullmatch(text):
        return Problem(
            row,
            column,
            text,
            f"La celda tiene un error de Excel ({text}): la fórmula que la calcula falló, así "
            "que no hay valor.",
            "Corrija la fórmula en Excel (o escriba el valor) y vuelva a guardar el archivo.",
        )
    if FORMULA.match(text):
        return Problem(
            row,
            column,
            text,
            "La celda tiene una fórmula en lugar de su resultado (el archivo se guardó sin "
            "calcularla, o se exportó el texto de la fórmula).",
            "Abra el archivo en Excel, copie las celdas y péguelas como valores "
            "(Pegado especial > Valores), y vuelva a guardarlo.",
        )
    return None
