"""Text folding shared by the intake, the read API and the CLI: one accent-insensitive form."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """'Educación' → 'Educacion' (NFKD, combining marks dropped; case kept)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case without accents ('Xenofobia en Educación' → 'xenofobia en educacion')."""
    return strip_accents(text).lower()


def fold_words(text: str) -> str:
    """fold, trimmed and with runs of whitespace collapsed (' Kennedy  Sur ' → 'kennedy sur')."""
    return " ".join(fold(str(text).strip()).split())
