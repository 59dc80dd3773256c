"""Users, roles and server-side sessions (schema auth): argon2 hashes, expiring sessions, audit.

Functions take the engine first; None means the configured warehouse (get_engine()).

Roles (docs/dominio.md, "Quién usa el tablero"):
- admin: the technical secretariat: everything, users, catalogue, sessions.
- editor: one entity's focal point: delivers its own entity's files; sees the internal views.
- analista: every internal view and download; no delivery.
- lector: internal views, no row-level downloads.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, text

from warehouse.db import get_engine

ROLES = ("admin", "editor", "analista", "lector")
ROLE_LABELS = {
    "admin": "Administración (secretaría técnica)",
    "editor": "Enlace de entidad",
    "analista": "Analista",
    "lector": "Lectura",
}
MIN_PASSWORD_LENGTH = 12
# no spaces, no control characters (PostgreSQL text refuses NUL)
EMAIL_RE = re.compile(r"^[^@\s\x00-\x1f\x7f]{1,64}@[^@\s\x00-\x1f\x7f]{1,190}$")
_HASHER = PasswordHasher()
# Verifying against this keeps a login for an unknown e-mail as slow as a wrong password.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


class UserError(ValueError):
    """A refused user operation (message in Spanish)."""


@dataclass(frozen=True)
class User:
    user_id: int
    email: str
    role: str
    entity_code: str | None
    is_active: bool
    last_login_at: datetime | None = None


_USER_COLUMNS = "user_id, email, role, entity_code, is_active, last_login_at"


def normalize_email(email: str) -> str:
    value = (email or "").strip().lower()
    if not EMAIL_RE.match(value):
        raise UserError(f"Correo no válido: «{email}».")
    return value


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError(f"La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres.")
    if "\x00" in password:
        raise UserError("La contraseña contiene caracteres no válidos.")
    return password


def ensure_auth_schema(engine: Engine | None = None) -> None:
    """Create schema auth if missing (the app can start on a warehouse never loaded)."""
    from warehouse.schema import SQL_DIR

    with (engine or get_engine()).begin() as conn:
        conn.exec_driver_sql("select pg_advisory_xact_lock(4242001)")
        conn.exec_driver_sql((SQL_DIR / "auth.sql").read_text(encoding="utf-8"))


def _event(conn, email: str | None, event: str, detail: str = "", address: str = "") -> None:
    conn.execute(
        text(
            "insert into auth.events (email, event, detail, client_address) "
            "values (:email, :event, :detail, :address)"
        ),
        {  # PostgreSQL text refuses NUL: whatever a client sent, the audit row is written
            name: value.replace("\x00", "") if isinstance(value, str) else value
            for name, value in (
                ("email", email),
                ("event", event),
                ("detail", detail),
                ("address", address),
            )
        },
    )


def add_user(
    engine: Engine | None, email: str, role: str, password: str, entity_code: str | None = None
) -> User:
    email = normalize_email(email)
    if role not in ROLES:
        raise UserError(f"Rol desconocido: «{role}». Roles: {', '.join(ROLES)}.")
    if role == "editor" and not entity_code:
        raise UserError("Un editor pertenece a una entidad: indique --entity CODIGO.")
    if role != "editor" and entity_code:
        raise UserError("Solo el rol editor lleva entidad.")
    digest = _HASHER.hash(check_password(password))
    with (engine or get_engine()).begin() as conn:
        if conn.execute(text("select 1 from auth.users where email = :e"), {"e": email}).first():
            raise UserError(f"Ya existe un usuario con el correo {email}.")
        row = conn.execute(
            text(
                "insert into auth.users (email, role, entity_code, password_hash) "
                f"values (:email, :role, :entity, :hash) returning {_USER_COLUMNS}"
            ),
            {"email": email, "role": role, "entity": entity_code, "hash": digest},
        ).one()
        _event(conn, email, "usuario creado", f"rol {role}")
    return User(*row)


def list_users(engine: Engine | None) -> list[User]:
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(text(f"select {_USER_COLUMNS} from auth.users order by email"))
        return [User(*row) for row in rows]


def count_users(engine: Engine | None) -> int:
    with (engine or get_engine()).connect() as conn:
        return int(conn.execute(text("select count(*) from auth.users")).scalar_one())


def _update(engine: Engine | None, email: str, sql: str, params: dict, event: str) -> None:
    email = normalize_email(email)
    with (engine or get_engine()).begin() as conn:
        found = conn.execute(text(sql), {"email": email, **params}).rowcount
        if not found:
            raise UserError(f"No existe un usuario con el correo {email}.")
        conn.execute(
            text(
                "delete from auth.sessions where user_id = "
                "(select user_id from auth.users where email = :email)"
            ),
            {"email": email},
        )
        _event(conn, email, event)


def disable_user(engine: Engine | None, email: str) -> None:
    """The user can no longer log in; their open sessions end now."""
    _update(
        engine,
        email,
        "update auth.users set is_active = false, updated_at = now() where email = :email",
        {},
        "usuario deshabilitado",
    )


def set_password(engine: Engine | None, email: str, password: str) -> None:
    """New password; open sessions end (whoever knew the old one is logged out)."""
    digest = _HASHER.hash(check_password(password))
    _update(
        engine,
        email,
        "update auth.users set password_hash = :hash, is_active = true, updated_at = now() "
        "where email = :email",
        {"hash": digest},
        "contraseña cambiada",
    )


def authenticate(
    engine: Engine | None, email: str, password: str, address: str = ""
) -> User | None:
    """The active user with that e-mail and password, else None (the attempt is audited)."""
    try:
        email = normalize_email(email)
    except UserError:
        email = ""
    with (engine or get_engine()).begin() as conn:
        row = conn.execute(
            text(f"select {_USER_COLUMNS}, password_hash from auth.users where email = :e"),
            {"e": email},
        ).first()
        stored = row.password_hash if row is not None and row.is_active else None
        try:
            ok = _HASHER.verify(stored or _DUMMY_HASH, password or "") and stored is not None
        except (VerificationError, InvalidHashError):
            ok = False
        _event(conn, email or None, "ingreso" if ok else "ingreso fallido", "", address)
        if not ok:
            return None
        conn.execute(
            text("update auth.users set last_login_at = now() where user_id = :u"),
            {"u": row.user_id},
        )
        return User(*row[:6])


def external_login(engine: Engine | None, email: str, address: str = "", via: str = "") -> User:
    """The local, active user behind an e-mail an identity provider vouched for (OpenID
    Connect). The role and entity are the local ones: nothing the provider says about them
    counts. No local user, or a disabled one: UserError (Spanish); the attempt is audited."""
    try:
        email = normalize_email(email)
    except UserError:
        email = ""
    with (engine or get_engine()).begin() as conn:
        row = conn.execute(
            text(f"select {_USER_COLUMNS} from auth.users where email = :e"), {"e": email}
        ).first()
        ok = row is not None and row.is_active
        reason = "" if ok else ("usuario deshabilitado" if row is not None else "sin usuario")
        event = "ingreso" if ok else "ingreso fallido"
        _event(conn, email or None, event, _via(via, reason), address)
        if ok:
            conn.execute(
                text("update auth.users set last_login_at = now() where user_id = :u"),
                {"u": row.user_id},
            )
    if not ok:  # after the commit: the refusal stays in the audit
        raise UserError(
            f"La cuenta {email or '(sin correo)'} no tiene un usuario habilitado en el "
            "tablero. Pida acceso a la Secretaría Técnica."
        )
    return User(*row)


def _via(via: str, reason: str) -> str:
    return "; ".join(part for part in (via, reason) if part)


def record_failed_external(engine: Engine | None, email: str | None, detail: str, address: str):
    """A refused identity-provider login that never reached a local user (audited)."""
    with (engine or get_engine()).begin() as conn:
        _event(conn, (email or "")[:254] or None, "ingreso fallido", detail[:500], address)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(engine: Engine | None, user: User, hours: float) -> str:
    """A new random session token (kept by the browser); only its hash is stored."""
    token = secrets.token_urlsafe(32)
    with (engine or get_engine()).begin() as conn:
        conn.execute(
            text(
                "insert into auth.sessions (session_hash, user_id, expires_at) "
                "values (:h, :u, now() + make_interval(secs => :secs))"
            ),
            {"h": _hash_token(token), "u": user.user_id, "secs": hours * 3600},
        )
    return token


def session_user(engine: Engine | None, token: str, idle_minutes: float) -> User | None:
    """The active user of a live session (touching it), or None if expired, idle or unknown."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    # Every request of a page asks this: the session row is written at most once a minute
    # (enough for the idle expiry), not on every callback.
    with (engine or get_engine()).begin() as conn:
        row = conn.execute(
            text(
                "with live as (select s.session_hash, s.last_seen_at, u.user_id, u.email, u.role, "
                "u.entity_code, u.is_active, u.last_login_at "
                "from auth.sessions s join auth.users u on u.user_id = s.user_id "
                "where s.session_hash = :h and u.is_active and s.expires_at > now() "
                "and s.last_seen_at > now() - make_interval(secs => :idle)), "
                "touched as (update auth.sessions t set last_seen_at = now() from live "
                "where t.session_hash = live.session_hash "
                "and live.last_seen_at < now() - interval '60 seconds') "
                "select user_id, email, role, entity_code, is_active, last_login_at from live"
            ),
            {"h": _hash_token(token), "idle": idle_minutes * 60},
        ).first()
    return User(*row) if row is not None else None


def close_session(engine: Engine | None, token: str) -> None:
    with (engine or get_engine()).begin() as conn:
        conn.execute(
            text("delete from auth.sessions where session_hash = :h"), {"h": _hash_token(token)}
        )
        conn.execute(text("delete from auth.sessions where expires_at < now()"))
