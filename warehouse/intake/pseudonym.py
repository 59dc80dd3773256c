"""Keyed pseudonyms (HMAC-SHA256) for identity numbers, computed before anything is stored."""

from __future__ import annotations

import hashlib
import hmac
import re


def normalize_document(number: str) -> str:
    """Upper case, no dots, dashes or spaces: `1.020.304-5` and `10203045` are the same person."""
    return re.sub(r"[\s.\-,]", "", (number or "").strip()).upper()


def pseudonymise(document_type: str, number: str, key: str) -> str:
    """Hex HMAC-SHA256 of `TYPE:NUMBER`; without the key it cannot be reversed or recomputed."""
    message = f"{document_type.strip().upper()}:{normalize_document(number)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


_DATE_LIKE = re.compile(
    r"^(\d{4}[-/]\d{1,2}([-/]\d{1,2})?|\d{1,2}[-/]\d{4}|\d{1,2}/\d{1,2}/\d{4})$"
)


def looks_like_identity(value: str | None) -> bool:
    """Five or more digits (separators ignored) that are not a date: treated as a document
    number wherever it appears in a person-level file (a number typed in the wrong column)."""
    text = (value or "").strip()
    if not text or _DATE_LIKE.match(text):
        return False
    return re.search(r"\d{5,}", re.sub(r"[\s.\-,]", "", text)) is not None
