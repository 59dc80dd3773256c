"""`tablero`: the warehouse commands (db, load, build, figures, users…).

The installed entry point is dash_app/cli.py, which adds the commands that need the app
(`serve`) on top of this one: dependencies point dash_app → warehouse, never back."""

from __future__ import annotations

import typer

from warehouse import cli_action_plan, cli_avance, cli_indicators, cli_intake, cli_users
from warehouse.db import display_url, get_engine, resolve_url, stop_embedded
from warehouse.settings import get_settings

app = typer.Typer(
    help="Tablero Migrante: almacén, cargas, transformación y tablero.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Almacén PostgreSQL (embebido o DATABASE_URL).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("start")
def db_start() -> None:
    """Inicia el almacén embebido (o verifica DATABASE_URL) y crea los esquemas."""
    from warehouse.db import ensure_database
    from warehouse.schema import ensure_schema

    ensure_database()
    ensure_schema(get_engine())
    typer.echo(f"Almacén listo: {display_url(resolve_url())}")


@db_app.command("stop")
def db_stop() -> None:
    """Detiene el almacén embebido."""
    typer.echo(
        "Almacén detenido." if stop_embedded() else "El almacén embebido no estaba en marcha."
    )


@db_app.command("url")
def db_url() -> None:
    """Imprime la URL del almacén (sin contraseña)."""
    typer.echo(display_url(resolve_url()))


@app.command("build")
def build() -> None:
    """Ejecuta `dbt build` (semillas, modelos y pruebas) y publica los marts solo si pasa."""
    from warehouse.dbt_runner import safe_build

    outcome = safe_build()
    for failure in outcome.failures:
        typer.echo(f"  - {failure}", err=True)
    if not outcome.success:
        typer.echo(
            "La construcción de dbt falló: siguen en servicio los marts anteriores.", err=True
        )
        raise typer.Exit(code=1)
    typer.echo("Construcción de dbt completa.")


@app.command("dbt", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def dbt(ctx: typer.Context) -> None:
    """Ejecuta un comando de dbt con el perfil del proyecto (p. ej. `tablero dbt docs generate`)."""
    from warehouse.dbt_runner import run_dbt

    outcome = run_dbt(list(ctx.args))
    for failure in outcome.failures:
        typer.echo(f"  - {failure}", err=True)
    if not outcome.success:
        raise typer.Exit(code=1)


@app.command("demo")
def demo() -> None:
    """Prepara todo con los datos de demostración: almacén, cargas y dbt build."""
    from warehouse.demo import load_demo
    from warehouse.schema import ensure_schema
    from warehouse.secrets import require_strong_keys

    require_strong_keys("prepara la demostración")
    settings = get_settings()
    engine = get_engine()
    ensure_schema(engine)
    first_admin(engine)
    results = load_demo(engine, settings.demo_dir)
    loaded = sum(r.status == "aceptado" for r in results)
    same = sum(r.status == "duplicado" for r in results)
    bad = [r for r in results if r.status == "rechazado"]
    typer.echo(f"Demo: {loaded} archivos cargados, {same} ya estaban cargados.")
    for result in bad:
        typer.echo(result.message, err=True)
    if bad:
        raise typer.Exit(code=1)
    from warehouse.dbt_runner import is_up_to_date

    if is_up_to_date():
        typer.echo("Sin datos nuevos y los marts están al día: no se ejecuta dbt.")
        return
    build()


DEMO_ADMIN = "admin@tablero.local"


def first_admin(engine) -> None:
    """No user yet: create the first admin with a random password, printed once (nothing is
    stored in clear text; `tablero user set-password` replaces it)."""
    import secrets

    from warehouse import users

    if users.count_users(engine):
        return
    password = secrets.token_urlsafe(18)
    users.add_user(engine, DEMO_ADMIN, "admin", password)
    typer.echo(
        "Primer usuario administrador creado (la contraseña se muestra solo esta vez):\n"
        f"  correo: {DEMO_ADMIN}\n  contraseña: {password}\n"
        "Cree los demás con «tablero user add CORREO --role ROL [--entity CODIGO]»."
    )


# Command groups owned by other modules register themselves on the same app.
for _module in (cli_intake, cli_indicators, cli_action_plan, cli_avance, cli_users):
    _module.register(app)


if __name__ == "__main__":
    app()
