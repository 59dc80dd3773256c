"""More bad files, found attacking the intake as entities really export (issue 11, second pass):
cells that are no value (Excel errors, formulas without a result, NUL bytes), numbers a count
cannot be, total rows that would count twice, and workbooks whose sheets hide data."""

from __future__ import annotations

from intake.bad_corpus import HEADER, SDG_IND, XH, BadFile, _csv, _ok, _rows, _xlsx

ROW = _ok().split(";")


def _cells(value: object, column: int = 4) -> list[list[object]]:
    row: list[object] = list(ROW)
    row[column] = value
    return [XH, row]


def _nul_after_the_sniffed_head() -> bytes:
    lines = ["entidad;uta;corte;tipo;texto"] + [
        f"SDG;UTA{1 + i % 3};2024-C1;barrera;Barrera {i} " + "x" * 300 for i in range(20)
    ]
    return ("\n".join(lines) + "\n").encode().replace(b"Barrera 19", b"Barrera\x00 19")


MORE: tuple[BadFile, ...] = (
    # cells that are no value at all, in any column
    BadFile(
        "xlsx_error_div0.xlsx", _xlsx(_cells("#DIV/0!")), "error de Excel", 2, "valor", "#DIV/0!"
    ),
    BadFile(
        "xlsx_localidad_buscarv_nd.xlsx",
        _xlsx(_cells("#N/A", 2)),
        "error de Excel",
        2,
        "localidad",
        "#N/A",
    ),
    BadFile(
        "xlsx_localidad_formula_sin_valor.xlsx",
        _xlsx(_cells("=BUSCARV(A2;Hoja2!A:B;2;0)", 2)),
        "fórmula en lugar de su resultado",
        2,
        "localidad",
        "=BUSCARV(A2;Hoja2!A:B;2;0)",
    ),
    BadFile(
        "csv_error_excel_espanol.csv",
        _csv(HEADER, _ok(locality="#N/D")),
        "error de Excel",
        2,
        "localidad",
        "#N/D",
    ),
    BadFile(
        "barrera_texto_error_excel.csv",
        _csv("entidad;uta;corte;tipo;texto", "SDG;UTA1;2024-C1;barrera;#¡VALOR!"),
        "error de Excel",
        2,
        "texto",
        "#¡VALOR!",
    ),
    BadFile(
        "barrera_texto_formula.csv",
        _csv("entidad;uta;corte;tipo;texto", 'SDG;UTA1;2024-C1;barrera;=HYPERLINK("http://x")'),
        "fórmula",
        2,
        "texto",
    ),
    BadFile(
        "csv_byte_nul_tras_4kb.csv",
        _nul_after_the_sniffed_head,
        "carácter de control (0x00)",
        21,
        "texto",
    ),
    # numbers a count cannot be
    BadFile(
        "conteo_con_decimales.csv", _csv(HEADER, _ok(value="12,5")), "número entero", 2, "valor"
    ),
    BadFile(
        "conteo_coma_de_miles.csv",
        _csv(HEADER, _ok(value="1,234")),
        "la coma separa los decimales",
        2,
        "valor",
        "1,234",
    ),
    BadFile("xlsx_conteo_decimal.xlsx", _xlsx(_cells(0.5)), "número entero", 2, "valor", "0,5"),
    BadFile(
        "notacion_cientifica.csv",
        _csv(HEADER, _ok(value="1,2E+3")),
        "notación científica",
        2,
        "valor",
        "1,2E+3",
    ),
    BadFile(
        "digitos_unicode.csv",
        _csv(HEADER, _ok(value="\uff11\uff12")),
        "no es un número",
        2,
        "valor",
    ),
    BadFile("guion_bajo_miles.csv", _csv(HEADER, _ok(value="1_000")), "no es un número", 2),
)

__all__ = ["MORE", "SDG_IND", "_rows"]

SUBA, BOSA = _ok("Suba", value="5"), _ok("Bosa", value="6")
MORE += (
    # a total row among the locality rows: the district figure would count it twice
    BadFile(
        "fila_total_con_localidad_total.csv",
        _csv(HEADER, SUBA, BOSA, _ok("TOTAL", value="11")),
        "se contaría dos veces",
        4,
        "localidad",
        "TOTAL",
    ),
    BadFile(
        "fila_total_sin_localidad.csv",
        _csv(HEADER, SUBA, BOSA, _ok("", value="11")),
        "parece el total",
        4,
        "localidad",
        "",
    ),
    BadFile(
        "xlsx_fila_total_al_pie.xlsx",
        _xlsx(_rows(HEADER, SUBA, BOSA, _ok("Total Bogotá", value="11"))),
        "se contaría dos veces",
        4,
        "localidad",
    ),
    BadFile("localidad_guion.csv", _csv(HEADER, _ok("-")), "no es una localidad", 2, "localidad"),
)


def _two_sheets() -> bytes:
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Enero"
    for row in _rows(HEADER, _ok("Suba")):
        workbook.active.append(row)
    february = workbook.create_sheet("Febrero")
    for row in _rows(HEADER, _ok("Suba", month="2024-02")):
        february.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MORE += (
    # a sheet per month: only one would be read and the others lost without a word
    BadFile("xlsx_una_hoja_por_mes.xlsx", _two_sheets, "se perderían las filas de «Febrero»"),
)

MORE += (
    # a whole date in a month cell that reads two ways
    BadFile(
        "mes_fecha_dia_mes_o_mes_dia.csv",
        _csv(HEADER, _ok(month="05/01/2024")),
        "1 de mayo escrito mes/día/año",
        2,
        "mes",
        "05/01/2024",
    ),
    # the month is named as written, and how it was read
    BadFile(
        "mes_mmm_aa_futuro.csv",
        _csv(HEADER, _ok(month="may-99")),
        "Se leyó «may-99» como 2099-05",
        2,
        "mes",
        "may-99",
    ),
)


def _date_in_value() -> bytes:
    from datetime import datetime

    return _xlsx(_cells(datetime(2024, 1, 12)))()


MORE += (
    # a number cell that holds something else, said plainly
    BadFile("xlsx_fecha_en_valor.xlsx", _date_in_value, "Es una fecha", 2, "valor", "2024-01-12"),
    BadFile("valor_con_porcentaje.csv", _csv(HEADER, _ok(value="45 %")), "signo %", 2, "valor"),
)

SEX = HEADER + ";sexo"
AGE = HEADER + ";grupo_edad"
REF = "SDIS;UTA1_SDIS_REFERENCIADOS;Kennedy;2024-01"
MUJER = "SDMUJER;UTA1_MUJER_ATENDIDAS;Suba;2024-01"
MORE += (
    # «total» and an empty cell are the same total row: both would count twice
    BadFile(
        "dos_filas_total_vacio_y_total.csv",
        _csv(SEX, f"{REF};100;", f"{REF};100;total", f"{REF};40;hombre", f"{REF};60;mujer"),
        "duplicada",
        3,
    ),
    # age groups of one cell that overlap: a person in two groups
    BadFile(
        "grupos_de_edad_cruzados.csv",
        _csv(AGE, f"{MUJER};60;", f"{MUJER};20;18-28", f"{MUJER};40;18-59"),
        "se cruza con el 18-28",
        4,
        "grupo_edad",
        "18-59",
    ),
    BadFile(
        "grupo_60_mas_dos_veces.csv",
        _csv(AGE, f"{MUJER};60;", f"{MUJER};60;60+", f"{MUJER};0;60 y más"),
        "se cruza",
        4,
        "grupo_edad",
    ),
)


def _stray_far_cell() -> bytes:
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "datos"
    for row in _rows(HEADER, _ok()):
        workbook.active.append(row)
    workbook.active["ZZ300000"] = "x"  # 5 KB that calamine would fill to 210 million cells
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MORE += (BadFile("xlsx_celda_perdida_lejos.xlsx", _stray_far_cell, "hasta la celda ZZ300000"),)
