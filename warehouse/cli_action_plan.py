"""CLI commands over the action-plan follow-up (reporting compliance per cut-off)."""

from __future__ import annotations

import json

import typer

UTA_ALIASES = {
    "1": "UTA1",
    "2": "UTA2",
    "3": "UTA3",
    "UTA1": "UTA1",
    "UTA2": "UTA2",
    "UTA3": "UTA3",
    "T": "TRANSVERSAL",
    "TRANSVERSAL": "TRANSVERSAL",
    "TOTAL": "TOTAL",
}


def _uta_code(value: str) -> str | None:
    return UTA_ALIASES.get(value.strip().upper().replace(" ", ""))


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=code)


def _row_json(row: dict) -> dict:
    from warehouse.formatting import format_percent

    names = [n.strip() for n in (row["reporting_entities"] or "").split(",") if n.strip()]
    return {
        "uta_code": row["uta_code"],
        "uta_label": row["uta_label"],
        "expected_activities": int(row["expected_activities"]),
        "entity_activities": int(row["entity_activities"]),
        "intersectoral_activities": int(row["intersectoral_activities"]),
        "reported_activities": int(row["reported_activities"]),
        "compliance_ratio": float(row["compliance_ratio"]),
        "compliance_percent": format_percent(row["compliance_ratio"]),
        "started_activities": int(row["started_activities"]),
        "started_ratio": float(row["started_ratio"]),
        "started_percent": format_percent(row["started_ratio"]),
        "n_no_iniciada": int(row["n_no_iniciada"]),
        "n_iniciada": int(row["n_iniciada"]),
        "n_totalmente_ejecutada": int(row["n_totalmente_ejecutada"]),
        "n_not_reported": int(row["n_not_reported"]),
        "reporting_entities": names,
    }


def _table_lines(rows: list[dict]) -> list[str]:
    from warehouse.formatting import format_number, format_percent

    width = max(len(r["uta_label"]) for r in rows)
    header = f"{'UTA':<{width}}  {'esperadas':>9}  {'reportadas':>10}  {'cumplimiento':>12}"
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r['uta_label']:<{width}}  {format_number(r['expected_activities']):>9}  "
            f"{format_number(r['reported_activities']):>10}  "
            f"{format_percent(r['compliance_ratio']):>12}"
        )
    lines.append("")
    for r in rows:
        if r["uta_code"] == "TRANSVERSAL":
            lines.append(
                f"Acciones transversales iniciadas o ejecutadas: "
                f"{format_number(r['started_activities'])} de "
                f"{format_number(r['expected_activities'])} "
                f"({format_percent(r['started_ratio'])})."
            )
        elif r["uta_code"] != "TOTAL":
            names = r["reporting_entities"] or "ninguna"
            lines.append(
                f"{r['uta_label']}: {format_number(r['entity_activities'])} de entidad + "
                f"{format_number(r['intersectoral_activities'])} intersectoriales; "
                f"reportaron: {names}."
            )
    return lines


def compliance(
    cutoff: str = typer.Option(
        ..., "--cutoff", help='Corte: código (2024-C1) o nombre ("enero–mayo 2024").'
    ),
    uta: str | None = typer.Option(None, "--uta", help="Solo una UTA: 1, 2, 3 o transversal."),
    as_json: bool = typer.Option(False, "--json", help="Salida en JSON."),
) -> None:
    """Cumplimiento del reporte del plan de acción por UTA: esperadas, reportadas y %."""
    from sqlalchemy.exc import DBAPIError

    from warehouse.marts import plan_de_accion

    uta_code = None
    if uta is not None:
        uta_code = _uta_code(uta)
        if uta_code is None:
            raise _fail(f"UTA desconocida: «{uta}». Use 1, 2, 3 o transversal.")
    try:
        found = plan_de_accion.resolve_cutoff(cutoff)
        if found is None:
            known = "; ".join(
                f"{c.cutoff_code} ({c.cutoff_name})" for c in plan_de_accion.cutoffs()
            )
            raise _fail(f"Corte desconocido: «{cutoff}». Cortes disponibles: {known or 'ninguno'}.")
        frame = plan_de_accion.compliance_by_uta(found.cutoff_code, uta_code)
    except DBAPIError as error:
        raise _fail(
            "No se pudo consultar el almacén (¿falta ejecutar `tablero build`?): "
            f"{error.orig.__class__.__name__}.",
            code=1,
        ) from error
    rows = frame.to_dict("records")
    if not rows:
        raise _fail(f"No hay actividades para el corte {found.cutoff_name}.", code=1)
    if as_json:
        payload = {
            "cutoff_code": found.cutoff_code,
            "cutoff_name": found.cutoff_name,
            "rows": [_row_json(r) for r in rows],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Cumplimiento del reporte — corte {found.cutoff_name} ({found.cutoff_code})")
    typer.echo("")
    for line in _table_lines(rows):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the action-plan commands (`compliance`) to the main app."""
    app.command("compliance")(compliance)
