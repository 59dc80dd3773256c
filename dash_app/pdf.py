"""HTML → PDF with the system's Chromium (headless print to PDF), on this machine only: the page
is a local file, the browser starts with no network features, nothing is downloaded."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from tempfile import TemporaryDirectory

CHROMIUM = Path(os.environ.get("TABLERO_CHROMIUM", "/usr/bin/chromium"))
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--virtual-time-budget=15000",  # let the charts' script draw before printing
)
TIMEOUT_SECONDS = 120


class PdfError(RuntimeError):
    """Why no PDF could be made, in Spanish, for the person who asked."""


def html_to_pdf(html: str) -> bytes:
    if not CHROMIUM.exists():
        raise PdfError(
            f"No se encontró Chromium en {CHROMIUM}: instale el paquete de Debian 'chromium' "
            "o indique su ruta en TABLERO_CHROMIUM."
        )
    with TemporaryDirectory(prefix="tablero-pdf-") as folder:
        page = Path(folder) / "informe.html"
        out = Path(folder) / "informe.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as error:
            raise PdfError("Chromium tardó demasiado en generar el PDF.") from error
        if not out.exists() or out.stat().st_size == 0:
            raise PdfError("Chromium no generó el PDF.")
        return out.read_bytes()
