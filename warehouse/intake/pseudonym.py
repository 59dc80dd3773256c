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
