"""Guards applied before a file is parsed: size limit and the XLSX decompression-bomb check."""

from __future__ import annotations

import io
import zipfile

from warehouse.settings import Settings


class GuardError(ValueError):
    """The file is refused before parsing (too big, a zip bomb, not a real workbook)."""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def check_size(data: bytes, settings: Settings) -> None:
    if len(data) > settings.max_file_bytes:
        raise GuardError(
            f"El archivo pesa {_mb(len(data))} y el máximo es {_mb(settings.max_file_bytes)}. "
            "Divídalo en varios archivos (por ejemplo, uno por trimestre)."
        )
    if not data.strip():
        raise GuardError("El archivo está vacío (0 bytes o solo espacios).")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Excel saves a password-protected .xlsx as an OLE container holding this stream (UTF-16 name).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def check_xlsx_archive(data: bytes, settings: Settings) -> None:
    """An .xlsx is a zip: refuse it when its members would inflate beyond the limits."""
    if data.startswith(OLE_MAGIC) and ENCRYPTED_STREAM in data:
        raise GuardError(
            "El libro de Excel está protegido con contraseña (cifrado), así que no se puede "
            "leer. Ábralo, quite la contraseña (Archivo > Información > Proteger libro > "
            "Cifrar con contraseña, dejándola vacía) y guárdelo de nuevo como .xlsx."
        )
    if not data.startswith(b"PK"):
        raise GuardError(
            "El archivo tiene extensión .xlsx pero no es un libro de Excel válido "
            "(puede ser un .xls antiguo, un CSV renombrado o un archivo dañado)."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise GuardError("El archivo Excel está dañado o incompleto.") from exc
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise GuardError("El archivo .xlsx no contiene un libro de Excel (falta xl/workbook.xml).")
    if any(m.filename.lower().endswith("vbaproject.bin") for m in members):
        raise GuardError(
            "El libro contiene macros (VBA). Guárdelo como «Libro de Excel (.xlsx)» sin macros."
        )
    total = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if total > settings.max_xlsx_uncompressed_bytes or total / packed > settings.max_xlsx_ratio:
        raise GuardError(
            f"El libro se descomprime a {_mb(total)} (relación {total // packed}:1): supera el "
            "límite de seguridad. Guarde solo la hoja de datos, sin filas ni formatos vacíos."
        )
