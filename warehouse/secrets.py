"""Secrets that never have a default: the session key and the pseudonym key.

Each comes from settings (TABLERO_SECRET_KEY, TABLERO_PSEUDONYM_KEY) or, when unset, from the
secrets file in the warehouse data folder, generated on first use (32 random bytes each, file
mode 0600). A known, empty or short key is refused: `serve` and `load` do not start with it.
Back the file up with the warehouse: without the pseudonym key, pseudonyms of new deliveries no
longer link to earlier ones (docs/despliegue.md, "Claves").
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from warehouse.settings import Settings, get_settings

MIN_LENGTH = 32
# Values that shipped as defaults or appear in examples: never accepted.
KNOWN_KEYS = frozenset(
    {
        "cambie-esta-clave-en-produccion",
        "changeme",
        "change-me",
        "secret",
        "secreto",
        "clave",
        "password",
        "dev",
        "test",
    }
)
FIELDS = {"secret_key": "TABLERO_SECRET_KEY", "pseudonym_key": "TABLERO_PSEUDONYM_KEY"}


class WeakSecretError(RuntimeError):
    """A configured or stored secret is empty, known or too short (message in Spanish)."""


@dataclass(frozen=True)
class Secrets:
    secret_key: str
    pseudonym_key: str


def check_strength(name: str, value: str | None) -> str:
    """The value if it may be used as a key; WeakSecretError (Spanish) otherwise."""
    if not value or not value.strip():
        raise WeakSecretError(f"La clave {name} está vacía.")
    if value.strip().lower() in KNOWN_KEYS or len(value) < MIN_LENGTH:
        raise WeakSecretError(
            f"La clave {name} es conocida o demasiado corta (mínimo {MIN_LENGTH} caracteres): "
            "genere una con `python -c 'import secrets; print(secrets.token_hex(32))'` "
            "o borre la variable para que el tablero la genere."
        )
    return value


def _read_file(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise WeakSecretError(f"No se pudo leer el archivo de claves {path}: {error}") from error
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def _write_new(path: Path, values: dict[str, str]) -> dict[str, str]:
    """Create the file with mode 0600; if another process created it first, use theirs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_file(path)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(values, handle, indent=2)
    return values


def _add_missing(path: Path, stored: dict[str, str], missing: list[str]) -> dict[str, str]:
    values = {**stored, **{name: secrets.token_hex(32) for name in missing}}
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(values, handle, indent=2)
    os.replace(tmp, path)
    return values


_CACHE: dict[tuple, Secrets] = {}


def load_secrets(settings: Settings | None = None) -> Secrets:
    """Settings first, then the secrets file (created or completed with random keys)."""
    settings = settings or get_settings()
    configured = {
        name: getattr(settings, name).get_secret_value()
        for name in FIELDS
        if getattr(settings, name) is not None
    }
    cache_key = (str(settings.secrets_path), tuple(sorted(configured.items())))
    if cache_key not in _CACHE:
        _CACHE[cache_key] = _resolve(settings, configured)
    return _CACHE[cache_key]


def clear_cache() -> None:
    _CACHE.clear()


def _resolve(settings: Settings, configured: dict[str, str]) -> Secrets:
    needed = [name for name in FIELDS if name not in configured]
    stored: dict[str, str] = {}
    if needed:
        path = settings.secrets_path
        stored = _read_file(path) or _write_new(
            path, {name: secrets.token_hex(32) for name in FIELDS}
        )
        missing = [name for name in needed if name not in stored]
        if missing:
            stored = _add_missing(path, stored, missing)
    values = {**stored, **configured}
    return Secrets(**{name: check_strength(env, values[name]) for name, env in FIELDS.items()})


def pseudonym_key(settings: Settings | None = None) -> str:
    return load_secrets(settings).pseudonym_key


def require_strong_keys(action: str) -> None:
    """For commands (`load`, `demo`): stop at once, before touching anything, when a key is
    empty, known or short (Spanish message on stderr, exit code 2)."""
    import typer

    try:
        load_secrets()
    except WeakSecretError as error:
        typer.echo(f"No se {action}: {error}", err=True)
        raise typer.Exit(code=2) from None
