"""`tablero user …`: who may log in to the dashboard, with which role (warehouse/users.py)."""

from __future__ import annotations

import sys

import typer

from warehouse import users
from warehouse.users import ROLES, UserError

user_app = typer.Typer(help="Usuarios del tablero y sus roles.", no_args_is_help=True)


def _engine():
    from warehouse.db import get_engine
    from warehouse.schema import ensure_schema

    engine = get_engine()
    ensure_schema(engine)
    return engine


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Contraseña", hide_input=True, confirmation_prompt=True)


def _entity(code: str | None) -> str | None:
    if code is None:
        return None
    from warehouse.intake.catalog import load_catalog

    known = load_catalog().entities
    wanted = code.strip().upper()
    if wanted not in known:
        raise UserError(f"Entidad desconocida: «{code}». Códigos: {', '.join(sorted(known))}.")
    return wanted


def _run(action) -> None:
    try:
        action()
    except UserError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(code=2) from None


@user_app.command("add")
def add(
    email: str,
    role: str = typer.Option(..., "--role", help=f"Rol: {', '.join(ROLES)}."),
    entity: str | None = typer.Option(None, "--entity", help="Entidad del editor (código)."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Lee la contraseña de la entrada estándar."
    ),
) -> None:
    """Crea un usuario con su rol (editor: con su entidad)."""

    def action():
        user = users.add_user(
            _engine(), email, role, _read_password(password_stdin), _entity(entity)
        )
        suffix = f" de {user.entity_code}" if user.entity_code else ""
        typer.echo(f"Usuario creado: {user.email} ({user.role}{suffix}).")

    _run(action)


@user_app.command("list")
def list_() -> None:
    """Lista los usuarios: correo, rol, entidad, estado y último ingreso."""
    rows = users.list_users(_engine())
    if not rows:
        typer.echo("No hay usuarios. Cree el primero: tablero user add CORREO --role admin")
        return
    for user in rows:
        state = "activo" if user.is_active else "deshabilitado"
        last = user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "nunca"
        typer.echo(
            f"{user.email}\t{user.role}\t{user.entity_code or '-'}\t{state}\túltimo ingreso: {last}"
        )


@user_app.command("disable")
def disable(email: str) -> None:
    """Deshabilita un usuario y cierra sus sesiones abiertas."""
    _run(lambda: (users.disable_user(_engine(), email), typer.echo(f"Deshabilitado: {email}.")))


@user_app.command("set-password")
def set_password(
    email: str,
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Lee la contraseña de la entrada estándar."
    ),
) -> None:
    """Cambia la contraseña (y reactiva el usuario); cierra sus sesiones abiertas."""

    def action():
        users.set_password(_engine(), email, _read_password(password_stdin))
        typer.echo(f"Contraseña cambiada: {email}.")

    _run(action)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
