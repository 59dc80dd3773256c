"""CLI commands for intake: `load`, `check` and `template` for entity exports."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from warehouse.contracts import EXPORT_KINDS

PROGRESS_MIN_ROWS = 5000  # files at least this long show a progress bar while loading

console = Console()


def say(text: str) -> None:
    """One message line, never wrapped (piped output is read line by line) nor styled."""
    console.print(text, soft_wrap=True, markup=False, highlight=False)


def _report_problems(problems, title: str) -> None:
    from warehouse.intake.report import print_report

    if problems:
        print_report(problems, console, title)


def _load_one(engine, path: Path, submitter: str | None, entity: str | None = None):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from warehouse.intake.loader import load_file

    if path.stat().st_size < PROGRESS_MIN_ROWS * 40:  # small file: no bar
        return load_file(engine, path, submitter=submitter, entity=entity)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
    ) as bar:
        task = bar.add_task(f"Leyendo {path.name}", total=None)

        def advance(phase: str, done: int, total: int) -> None:
            bar.update(task, description=f"{phase} {path.name}", completed=done, total=total)

        return load_file(engine, path, submitter=submitter, progress=advance, entity=entity)


def load(
    paths: list[Path] = typer.Argument(  # noqa: B008
        ..., exists=True, dir_okay=False, help="Archivos .csv o .xlsx."
    ),
    submitter: str | None = typer.Option(None, help="Quién entrega el archivo."),
    build: bool = typer.Option(
        False, "--build", help="Tras una carga exitosa, reconstruye los marts (dbt) sin riesgo."
    ),
    entity: str | None = typer.Option(
        None, "--entidad", help="Entidad que entrega: toda fila debe ser de ella (p. ej. SDIS)."
    ),
) -> None:
    """Valida y carga exportaciones de las entidades (todo o nada por archivo)."""
    from warehouse.db import get_engine
    from warehouse.secrets import require_strong_keys

    require_strong_keys("carga nada")
    engine = get_engine()
    rejected = loaded = 0
    for path in paths:
        result = _load_one(engine, path, submitter, entity)
        say(result.message)
        loaded += result.status == "aceptado"
        if result.status == "rechazado":
            rejected += 1
            _report_problems(result.problems, f"Problemas en {path.name}")
        elif result.warnings:
            _report_problems(result.warnings, f"Avisos en {path.name}")
    if build and loaded:
        _safe_build_or_exit()
    if rejected:
        raise typer.Exit(code=1)


def _safe_build_or_exit() -> None:
    from warehouse.dbt_runner import safe_build

    outcome = safe_build()
    for failure in outcome.failures:
        say(f"  - {failure}")
    if not outcome.success:
        say("La construcción de dbt falló: el tablero sigue con los datos anteriores.")
        raise typer.Exit(code=1)
    say("Construcción de dbt completa: el tablero muestra los datos nuevos.")


def _summary(path: Path, result) -> str:
    kind = result.kind.label if result.kind else "plantilla no reconocida"
    if not result.ok:
        return f"{path.name}: {len(result.errors)} error(es); el archivo sería rechazado."
    text = f"{path.name}: válido ({kind}), {len(result.rows)} fila(s) lista(s) para cargar"
    lines = result.physical_lines
    if lines is not None and lines != len(result.rows):
        text += f" (en {lines} líneas del archivo)"
    if result.entity:
        text += f", de {result.entity}"
    return text + "."


def check(
    path: Path = typer.Argument(  # noqa: B008
        ..., exists=True, dir_okay=False, help="Archivo .csv o .xlsx a revisar."
    ),
    report: Path | None = typer.Option(  # noqa: B008
        None, help="Escribe el reporte de problemas en un .csv o .xlsx."
    ),
    entity: str | None = typer.Option(
        None, "--entidad", help="Entidad que entrega: toda fila debe ser de ella (p. ej. SDIS)."
    ),
) -> None:
    """Valida un archivo sin cargarlo: muestra todos los problemas (fila, columna, valor)."""
    from warehouse.intake.inspection import inspect_file
    from warehouse.intake.report import write_report

    result = inspect_file(path, entity=entity)
    kind = result.kind.label if result.kind else "plantilla no reconocida"
    say(_summary(path, result))
    if result.month_readings:
        say("Meses interpretados: " + "; ".join(result.month_readings.values()) + ".")
    _report_problems(result.problems, f"Revisión de {path.name} ({kind})")
    if report is not None:
        write_report(result.problems, report, path.name)
        say(f"Reporte escrito en {report}")
    if not result.ok:
        raise typer.Exit(code=1)


def template(
    kind: str = typer.Argument(..., help=f"Tipo de exportación: {', '.join(EXPORT_KINDS)}."),
    entity: str | None = typer.Option(None, help="Código de la entidad (p. ej. SDG)."),
    output: Path | None = typer.Option(None, help="Archivo .xlsx de salida."),  # noqa: B008
) -> None:
    """Genera la plantilla .xlsx de un tipo de exportación, con listas e instrucciones."""
    from warehouse.intake.templates import write_template

    if kind not in EXPORT_KINDS:
        say(f"Tipo desconocido «{kind}». Use uno de: {', '.join(EXPORT_KINDS)}.")
        raise typer.Exit(code=2)
    entity = entity.upper() if entity else None
    output = output or Path(f"plantilla_{kind}{'_' + entity if entity else ''}.xlsx")
    try:
        write_template(kind, output, entity)
    except ValueError as exc:
        say(str(exc))
        raise typer.Exit(code=2) from exc
    say(f"Plantilla escrita en {output}")


def register(app: typer.Typer) -> None:
    app.command("load")(load)
    app.command("check")(check)
    app.command("template")(template)
