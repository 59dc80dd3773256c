"""CLI commands for intake: loading (and later checking and templates) of entity exports."""

from __future__ import annotations

from pathlib import Path

import typer

from warehouse.db import get_engine


def load(
    paths: list[Path] = typer.Argument(..., exists=True, help="Archivos .csv o .xlsx."),  # noqa: B008
    submitter: str | None = typer.Option(None, help="Quién entrega el archivo."),
) -> None:
    """Valida y carga exportaciones de las entidades (todo o nada por archivo)."""
    from warehouse.intake.loader import load_file

    engine = get_engine()
    rejected = 0
    for path in paths:
        result = load_file(engine, path, submitter=submitter)
        typer.echo(result.message)
        if result.status == "rechazado":
            rejected += 1
            for problem in result.problems:
                typer.echo(f"  - {problem}")
    if rejected:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("load")(load)
