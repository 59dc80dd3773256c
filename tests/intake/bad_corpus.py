"""The corpus of bad entity files: each a real way a delivered file goes wrong, one per file.

`cd tests && python -m intake.bad_corpus DIR` writes them out to look at by hand.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

HEADER = "entidad;indicador;localidad;mes;valor"
SDG_IND = "SDG;UTA1_INTEGRATE_ORIENTACIONES"


@dataclass(frozen=True)
class BadFile:
    name: str  # file name, with the extension the entity used
    make: Callable[[], bytes]
    says: str  # Spanish words the error must contain
    row: int | None = None  # file row the error names (None: whole-file problem)
    column: str | None = None
    value: str | None = None  # value the error quotes (as written in the file)
    why: str = ""


def _csv(*lines: str, encoding: str = "utf-8") -> Callable[[], bytes]:
    return lambda: ("\n".join(lines) + "\n").encode(encoding)


def _ok(locality: str = "Suba", month: str = "2024-01", value: str = "10") -> str:
    return f"{SDG_IND};{locality};{month};{value}"


def _xlsx(
    rows: list[list[object]],
    title_rows: int = 0,
    merged: tuple[str, ...] = (),
    sheet_name: str = "datos",
    before: tuple[str, ...] = (),
) -> Callable[[], bytes]:
    """A workbook whose data sheet holds `rows` (after `title_rows`), with the `merged` ranges
    (A1 notation) and empty sheets named `before` ahead of it."""

    def make() -> bytes:
        workbook = Workbook()
        first = workbook.active
        for index, name in enumerate(before):
            (first if index == 0 else workbook.create_sheet()).title = name
        sheet = workbook.create_sheet() if before else first
        sheet.title = sheet_name
        for _ in range(title_rows):
            sheet.append(["Reporte mensual de la entidad"])
        for row in rows:
            sheet.append(row)
        if title_rows:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)
        for cells in merged:
            sheet.merge_cells(cells)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    return make


def _zip(members: dict[str, bytes]) -> Callable[[], bytes]:
    def make() -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members.items():
                archive.writestr(name, content)
        return buffer.getvalue()

    return make


def _bomb() -> bytes:
    sheet = b"<worksheet>" + b" " * (60 * 1024 * 1024) + b"</worksheet>"
    return _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": sheet})()


def _with_macros() -> bytes:
    good = _xlsx([HEADER.split(";"), _ok().split(";")])()
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/vbaProject.bin", b'\x00Attribute VB_Name = "Module1"')
    return buffer.getvalue()


def _password_protected() -> bytes:
    """What Excel writes for a workbook with a password: an OLE container, not a zip."""
    stream = "EncryptedPackage".encode("utf-16-le")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream + b"\x00" * 1024


def _too_many_rows() -> bytes:
    line = _ok() + "\n"
    return (HEADER + "\n" + line * 200_001).encode()


def _too_big() -> bytes:
    return (HEADER + "\n" + (_ok() + ";" + "x" * 200 + "\n") * 110_000).encode()


A = "SDIS;UTA1_SDIS_REFERENCIADOS"
ACT = "entidad;actividad;corte;estado;avance"
BAR = "entidad;uta;corte;tipo;texto"
ATT = "fecha_sesion;entidad;asiste"
MAT = "entidad;mes;criterio;calificacion;evidencia"
XH = HEADER.split(";")
SEX = HEADER + ";sexo"
AGE = HEADER + ";grupo_edad"
MUJER = "SDMUJER;UTA1_MUJER_ATENDIDAS"


def _rows(*lines: str) -> list[list[object]]:
    return [line.split(";") for line in lines]


# Issue 11: the holes realistic messy files found (one file per hole, and variants).
HOLES: tuple[BadFile, ...] = (
    # 1. absurd values: finite and within the catalogue's plausible maximum
    BadFile(
        "valor_1e308.csv", _csv(HEADER, _ok(value="1e308")), "máximo plausible", 2, "valor", "1e308"
    ),
    BadFile(
        "valor_20_digitos.csv",
        _csv(HEADER, _ok(value="99999999999999999999")),
        "máximo plausible",
        2,
        "valor",
        "99999999999999999999",
    ),
    BadFile(
        "valor_sobre_poblacion.csv",
        _csv(HEADER, _ok(), _ok("Bosa", value="8.000.000")),
        "población de Bogotá",
        3,
        "valor",
        "8.000.000",
    ),
    BadFile(
        "valor_sobre_maximo_del_catalogo.csv",
        _csv(HEADER, "SDG;UTA3_DELEGADOS_DDHH;;2024-01;900"),
        "máximo del catálogo",
        2,
        "valor",
        "900",
    ),
    BadFile("valor_infinito.csv", _csv(HEADER, _ok(value="inf")), "número", 2, "valor", "inf"),
    BadFile("valor_nan.csv", _csv(HEADER, _ok(value="NaN")), "número", 2, "valor", "NaN"),
    BadFile(
        "xlsx_valor_1e308.xlsx",
        _xlsx([XH, [*_ok().split(";")[:4], 1e308]]),
        "máximo plausible",
        2,
        "valor",
        "1e+308",
    ),
    # 2. merged cells: a number merged over rows, cells merged across columns, header merged
    BadFile(
        "xlsx_valor_combinado.xlsx",
        _xlsx(
            _rows(HEADER, _ok("Kennedy", value="60"), _ok("Bosa", value=""), _ok("Suba", value="")),
            merged=("E2:E4",),
        ),
        "Celdas combinadas en los datos (E2:E4)",
        2,
        "valor",
        "E2:E4",
    ),
    BadFile(
        "xlsx_combinada_entre_columnas.xlsx",
        _xlsx(_rows(HEADER, _ok("Kennedy"), _ok("Bosa")), merged=("C3:D3",)),
        "varias columnas",
        3,
        "localidad",
        "C3:D3",
    ),
    BadFile(
        "xlsx_encabezado_combinado.xlsx",
        _xlsx(
            [
                ["entidad", "indicador", "localidad", None, "mes", "valor"],
                ["SDG", "UTA1_INTEGRATE_ORIENTACIONES", "Kennedy", "Patio Bonito", "2024-01", 5],
            ],
            merged=("C1:D1",),
        ),
        "encabezado tiene celdas combinadas (C1:D1)",
        1,
        "localidad",
        "C1:D1",
    ),
    BadFile(
        "xlsx_encabezado_en_dos_filas.xlsx",
        _xlsx(_rows(HEADER, _ok("Kennedy")), merged=("A1:A2",)),
        "encabezado tiene celdas combinadas (A1:A2)",
        1,
        "entidad",
        "A1:A2",
    ),
    # 3. every row belongs to the delivering entity
    BadFile(
        "fila_de_otra_entidad_con_su_indicador.csv",
        _csv(HEADER, _ok(), "SDP;UTA1_SISBEN;;2024-01;1000"),
        "pero el archivo es de SDG",
        3,
        "entidad",
        "SDP",
    ),
    BadFile(
        "primera_fila_de_otra_entidad.csv",
        _csv(HEADER, "SDP;UTA1_SISBEN;;2024-01;1000", _ok(), _ok("Bosa")),
        "pero el archivo es de SDP",
        3,
        "entidad",
        "SDG",
    ),
    BadFile(
        "actividades_de_dos_entidades.csv",
        _csv(ACT, "SDG;UTA1-E01;2024-C1;iniciada;", "SDP;UTA1-E03;2024-C1;iniciada;"),
        "pero el archivo es de SDG",
        3,
        "entidad",
        "SDP",
    ),
    # 4. CSV structure
    BadFile(
        "comillas_sin_cerrar.csv",
        _csv(HEADER, _ok("Kennedy"), f'{SDG_IND};"Bosa;2024-01;5', _ok("Suba"), _ok("Usme")),
        "comillas",
        3,
        "localidad",
    ),
    BadFile(
        "barrera_comillas_sin_cerrar.csv",
        _csv(
            BAR,
            'SDG;UTA1;2024-C1;barrera;"Falta de documentos',
            "SDG;UTA2;2024-C1;barrera;Acceso a salud",
            "SDG;UTA3;2024-C1;actividad destacada;Feria de servicios",
        ),
        "parecen filas completas",
        2,
        "texto",
    ),
    BadFile(
        "fila_con_campos_de_menos.csv",
        _csv(HEADER, _ok(), f"{SDG_IND};Bosa;2024-01"),
        "campos",
        3,
        None,
        "4 campos",
    ),
    BadFile(
        "fila_con_campos_de_mas.csv",
        _csv(HEADER, _ok(), f"{SDG_IND};Ciudad;Bolívar;2024-01;10"),
        "campos",
        3,
        None,
        "6 campos",
    ),
    # 5. breakdowns that do not add up to the total
    BadFile(
        "desglose_sexo_mayor_que_total.csv",
        _csv(
            SEX,
            f"{A};Kennedy;2024-01;100;",
            f"{A};Kennedy;2024-01;70;hombre",
            f"{A};Kennedy;2024-01;60;mujer",
        ),
        "suma 130",
        2,
        "valor",
        "100",
    ),
    BadFile(
        "desglose_edad_menor_que_total.csv",
        _csv(
            AGE,
            f"{MUJER};Suba;2024-01;60;",
            f"{MUJER};Suba;2024-01;20;18-28",
            f"{MUJER};Suba;2024-01;30;29-59",
        ),
        "suma 50",
        2,
        "valor",
        "60",
    ),
    # 6. ambiguous months
    BadFile(
        "mes_ambiguo_05_25.csv", _csv(HEADER, _ok(month="05/25")), "Mes ambiguo", 2, "mes", "05/25"
    ),
    BadFile(
        "mes_dia_sin_anio.csv", _csv(HEADER, _ok(month="25-may")), "sin año", 2, "mes", "25-may"
    ),
    BadFile("mes_solo_anio.csv", _csv(HEADER, _ok(month="2024")), "falta el mes", 2, "mes", "2024"),
    BadFile(
        "mes_nombre_y_dos_cifras.csv",
        _csv(HEADER, _ok(month="mayo 25")),
        "Mes ambiguo",
        2,
        "mes",
        "mayo 25",
    ),
    # 7. messages that misled
    BadFile("xlsx_con_contrasena.xlsx", _password_protected, "protegido con contraseña"),
    BadFile(
        "xlsx_datos_en_otra_hoja.xlsx",
        _xlsx(_rows(HEADER, _ok()), sheet_name="Reporte", before=("Portada",)),
        "hoja «Portada», que es la que se leyó",
    ),
)

CORPUS: tuple[BadFile, ...] = (
    BadFile(
        "valor_texto.csv",
        _csv(HEADER, _ok(), _ok("Bosa", value="diez")),
        "número",
        3,
        "valor",
        "diez",
    ),
    BadFile("valor_negativo.csv", _csv(HEADER, _ok(value="-5")), "negativo", 2, "valor", "-5"),
    BadFile(
        "valor_con_unidad.csv",
        _csv(HEADER, _ok(value="1.214 personas")),
        "número",
        2,
        "valor",
        "1.214 personas",
    ),
    BadFile("valor_porcentaje.csv", _csv(HEADER, _ok(value="45%")), "número", 2, "valor", "45%"),
    BadFile(
        "mes_13.csv", _csv(HEADER, _ok(month="2024-13")), "mes reconocible", 2, "mes", "2024-13"
    ),
    BadFile(
        "mes_sin_anio.csv", _csv(HEADER, _ok(month="mayo")), "mes reconocible", 2, "mes", "mayo"
    ),
    BadFile("mes_futuro.csv", _csv(HEADER, _ok(month="2099-01")), "futuro", 2, "mes", "2099-01"),
    BadFile(
        "mes_anterior_al_calendario.csv",
        _csv(HEADER, _ok(month="2012-05")),
        "anterior a enero de 2015",
        2,
        "mes",
        "2012-05",
    ),
    BadFile(
        "indicador_desconocido.csv",
        _csv(HEADER, "SDG;UTA9_INVENTADO;Suba;2024-01;3"),
        "desconocido",
        2,
        "indicador",
        "UTA9_INVENTADO",
    ),
    BadFile(
        "indicador_de_otra_entidad.csv",
        _csv(HEADER, "SDG;UTA1_SISBEN;Suba;2024-01;3"),
        "pertenece a SDP",
        2,
        "indicador",
        "UTA1_SISBEN",
    ),
    BadFile(
        "entidad_desconocida.csv",
        _csv(HEADER, "SECGOB;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-01;3"),
        "Entidad desconocida",
        2,
        "entidad",
        "SECGOB",
    ),
    BadFile(
        "fila_total_al_final.csv",
        _csv(HEADER, _ok(), _ok("Bosa"), "TOTAL;;;;20"),
        "Entidad desconocida",
        4,
        "entidad",
        "TOTAL",
    ),
    BadFile(
        "localidad_fuera_de_bogota.csv",
        _csv(HEADER, _ok("Soacha")),
        "Localidad no reconocida",
        2,
        "localidad",
        "Soacha",
    ),
    BadFile(
        "localidad_latin1.csv",
        _csv(HEADER, _ok("Zipaquirá"), encoding="cp1252"),
        "Localidad no reconocida",
        2,
        "localidad",
        "Zipaquirá",
    ),
    BadFile(
        "localidad_no_admitida.csv",
        _csv(HEADER, "SDH;UTA2_HACIENDA_TERCEROS;Kennedy;2024-01;3"),
        "no admite desagregación por localidad",
        2,
        "localidad",
        "Kennedy",
    ),
    BadFile(
        "sexo_no_admitido.csv",
        _csv(HEADER + ";sexo", _ok() + ";mujer"),
        "no admite desagregación",
        2,
        "sexo",
        "mujer",
    ),
    BadFile(
        "sexo_invalido.csv",
        _csv(HEADER + ";sexo", f"{A};Suba;2024-01;4;F"),
        "Sexo no reconocido",
        2,
        "sexo",
        "F",
    ),
    BadFile(
        "grupo_edad_invalido.csv",
        _csv(HEADER + ";grupo_edad", "SDMUJER;UTA1_MUJER_ATENDIDAS;Suba;2024-01;4;jóvenes"),
        "Grupo de edad",
        2,
        "grupo_edad",
        "jóvenes",
    ),
    BadFile("fila_duplicada.csv", _csv(HEADER, _ok(), _ok("Engativá"), _ok()), "duplicada", 4),
    BadFile("duplicada_por_alias.csv", _csv(HEADER, _ok("Kennedy"), _ok("KENEDY")), "duplicada", 3),
    BadFile(
        "celda_obligatoria_vacia.csv",
        _csv(HEADER, "SDG;;Suba;2024-01;3"),
        "Celda vacía",
        2,
        "indicador",
        "",
    ),
    BadFile(
        "falta_columna_valor.csv",
        _csv("entidad;indicador;localidad;mes", "SDG;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-01"),
        "Falta la columna obligatoria «valor»",
        1,
        "valor",
    ),
    BadFile(
        "columna_repetida.csv", _csv(HEADER + ";valor", _ok() + ";11"), "más de una vez", 1, "valor"
    ),
    BadFile(
        "encabezado_de_otro_sistema.csv",
        _csv("cod;descripcion;cantidad", "1;Orientaciones;10"),
        "encabezado",
    ),
    BadFile("archivo_vacio.csv", lambda: b"", "vacío"),
    BadFile("solo_encabezado.csv", _csv(HEADER), "no tiene filas de datos"),
    BadFile(
        "binario_con_extension_csv.csv", lambda: b"%PDF-1.4\x00\x01\x02binary", "bytes binarios"
    ),
    BadFile("formato_no_admitido.ods", lambda: b"PK\x03\x04 open document", "Formato no admitido"),
    BadFile(
        "xls_antiguo_renombrado.xlsx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
        "no es un libro de Excel válido",
    ),
    BadFile(
        "xlsx_truncado.xlsx", lambda: _xlsx([HEADER.split(";"), _ok().split(";")])()[:700], "dañado"
    ),
    BadFile("xlsx_sin_libro.xlsx", _zip({"word/document.xml": b"<w/>"}), "no contiene un libro"),
    BadFile("xlsx_bomba.xlsx", _bomb, "límite de seguridad"),
    BadFile("xlsx_con_macros.xlsx", _with_macros, "macros"),
    BadFile(
        "xlsx_formula_sin_valor.xlsx",
        _xlsx([HEADER.split(";"), [*_ok().split(";")[:4], "=B9*2"]]),
        "fórmula en lugar de su resultado",
        2,
        "valor",
        "=B9*2",
    ),
    BadFile(
        "xlsx_titulo_y_error.xlsx",
        _xlsx([HEADER.split(";"), _ok().split(";"), _ok(value="-1").split(";")], title_rows=2),
        "negativo",
        5,
        "valor",
        "-1",
    ),
    BadFile("demasiadas_filas.csv", _too_many_rows, "máximo por archivo"),
    BadFile("archivo_demasiado_grande.csv", _too_big, "máximo es"),
    BadFile(
        "estado_invalido.csv",
        _csv(ACT, "SDG;UTA1-E01;2024-C1;en proceso;"),
        "Estado no reconocido",
        2,
        "estado",
        "en proceso",
    ),
    BadFile(
        "corte_desconocido.csv",
        _csv(ACT, "SDG;UTA1-E01;2023-C9;iniciada;"),
        "Corte desconocido",
        2,
        "corte",
        "2023-C9",
    ),
    BadFile(
        "actividad_ajena.csv",
        _csv(ACT, "SDG;UTA1-E03;2024-C1;iniciada;"),
        "no está a cargo de SDG",
        2,
        "actividad",
        "UTA1-E03",
    ),
    BadFile(
        "barrera_tipo_invalido.csv",
        _csv(BAR, "SDG;UTA1;2024-C1;problema;Falta de documentos"),
        "Tipo no reconocido",
        2,
        "tipo",
        "problema",
    ),
    BadFile(
        "uta_desconocida.csv",
        _csv(BAR, "SDG;UTA7;2024-C1;barrera;Falta de documentos"),
        "UTA desconocida",
        2,
        "uta",
        "UTA7",
    ),
    BadFile(
        "asistencia_invalida.csv",
        _csv(ATT, "2024-03-14;SDG;tal vez"),
        "sí/no",
        2,
        "asiste",
        "tal vez",
    ),
    BadFile(
        "fecha_sesion_imposible.csv",
        _csv(ATT, "31/02/2024;SDG;sí"),
        "fecha",
        2,
        "fecha_sesion",
        "31/02/2024",
    ),
    BadFile(
        "calificacion_invalida.csv",
        _csv(MAT, "SDG;2024-06;DER-01;alto;acta"),
        "Calificación no reconocida",
        2,
        "calificacion",
        "alto",
    ),
    BadFile(
        "criterio_desconocido.csv",
        _csv(MAT, "SDG;2024-06;XYZ-99;parcial;acta"),
        "Criterio desconocido",
        2,
        "criterio",
        "XYZ-99",
    ),
    *HOLES,
)


def write_corpus(directory: Path) -> list[Path]:
    from intake.bad_corpus_more import MORE

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for bad in (*CORPUS, *MORE):
        path = directory / bad.name
        path.write_bytes(bad.make())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "bad_files")):
        print(written)
