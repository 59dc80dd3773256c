"""Identity numbers in files that are not (or not only) the person template: a column named
like a document, in any file, makes the archived copy pseudonymised and the reported values
hidden — whatever template the file matched, or failed to match."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from warehouse.intake.inspection import archived_content, inspect_bytes

NUMBER = "1020304050"
KEY = "k" * 32


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FILES = {
    "cedula_sin_plantilla.csv": (
        f"entidad;indicador;localidad;mes;tipo;cedula\nSDS;UTA2_EPS_AFILIADOS;Kennedy;2024-03;CC;"
        f"{NUMBER}\n"
    ).encode(),
    "indicadores_con_columna_de_cedulas.csv": (
        "entidad;indicador;localidad;mes;valor;Número de identificación\n"
        f"SDG;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-03;4;{NUMBER}\n"
    ).encode(),
    "personas_numero_en_la_localidad.csv": (
        "entidad;indicador;localidad;mes;tipo_documento;numero_documento\n"
        f"SDS;UTA2_EPS_AFILIADOS;{NUMBER};2024-03;CC;52123456\n"
    ).encode(),
    "xlsx_id_sin_plantilla.xlsx": _xlsx(
        [["entidad", "indicador", "mes", "ID"], ["SDS", "UTA2_EPS_AFILIADOS", "2024-03", NUMBER]]
    ),
}


@pytest.mark.parametrize("name", FILES)
def test_identity_numbers_never_archived_nor_reported_in_clear(name):
    data = FILES[name]
    result = inspect_bytes(Path(name), data, today=date(2025, 12, 1))
    content, kept = archived_content(result, data, KEY)
    assert kept == "seudonimizado"
    assert NUMBER.encode() not in content and b"52123456" not in content
    shown = " ".join(f"{p.value} {p.problem} {p.fix}" for p in result.problems)
    assert NUMBER not in shown


def test_a_file_without_identities_is_archived_as_received():
    data = (
        b"entidad;indicador;localidad;mes;valor\n"
        b"SDG;UTA1_INTEGRATE_ORIENTACIONES;Suba;2024-03;12345\n"
    )
    result = inspect_bytes(Path("f.csv"), data, today=date(2025, 12, 1))
    assert result.ok
    assert archived_content(result, data, KEY) == (data, "original")
