"""CLI command over the policy's progress: weighted advance against the weighted goal."""

from __future__ import annotations

import json

import typer

from warehouse.cli_action_plan import _fail, _uta_code

PERCENT_DECIMALS = 2  # as the Secretaría publishes it: "avance del 52,65 %"


def _figure_json(row: dict) -> dict:
    from warehouse.formatting import format_percent

    return {
        "scope_kind": row["scope_kind"],
        "scope_code": row["scope_code"],
        "scope_name": row["scope_name"],
        "products": int(row["products"]),
        "reported_products": int(row["reported_products"]),
        "weight_pct": float(row["weight_pct"]),
        "advance_ratio": float(row["advance_ratio"]),
        "goal_ratio": float(row["goal_ratio"]),
        "gap_ratio": float(row["gap_ratio"]),
        "advance_percent": format_percent(row["advance_ratio"], PERCENT_DECIMALS),
        "goal_percent": format_percent(row["goal_ratio"], PERCENT_DECIMALS),
    }


def _number(value) -> float | None:
    """A float, or None for a missing value (None or NaN)."""
    return None if value is None or value != value else float(value)


def _weight(value) -> str:
    from warehouse.formatting import format_number

    return format_number(value, 0 if float(value).is_integer() else 2)


def _product_json(row: dict) -> dict:
    number = _number
    return {
        "product_code": row["product_code"],
        "product_name": row["product_name"],
        "uta_code": row["uta_code"],
        "entity_code": row["entity_code"],
        "unit": row["unit"],
        "weight_pct": float(row["weight_pct"]),
        "year_goal": float(row["year_goal"]),
        "reported_value": number(row["reported_value"]),
        "is_reported": bool(row["is_reported"]),
        "advance_ratio": number(row["advance_ratio"]),
        "gap_ratio": number(row["gap_ratio"]),
        "progress_note": row["progress_note"],
    }


def _product_lines(rows: list[dict]) -> list[str]:
    from warehouse.formatting import format_number, format_percent

    if not rows:
        return []
    lines = ["", "Productos (de mayor a menor brecha frente a la meta del año):"]
    for r in rows:
        reported = format_number(r["reported_value"]) if r["is_reported"] else "sin reporte"
        ratio = _number(r["advance_ratio"])
        shown = "sin meta en el año" if ratio is None else format_percent(ratio)
        lines.append(
            f"  {r['product_code']}  {r['entity_code']:<8} peso {_weight(r['weight_pct'])} %  "
            f"reportado {reported} de {format_number(r['year_goal'])} {r['unit']}  ({shown})  "
            f"{r['product_name']}"
        )
    return lines


def _scope(uta: str | None, entity: str | None) -> tuple[str, str]:
    from warehouse.marts.avance import POLICY_SCOPE

    if uta is not None and entity is not None:
        raise _fail("Use --uta o --entity, no ambos: la cifra ponderada es de un solo alcance.")
    if uta is not None:
        code = _uta_code(uta)
        if code is None or code in ("TOTAL", "TRANSVERSAL"):
            raise _fail(f"UTA desconocida: «{uta}». Use 1, 2 o 3.")
        return "uta", code
    if entity is not None:
        return "entidad", entity.strip().upper()
    return "politica", POLICY_SCOPE


def avance(  # long: option declarations, the lookups and two output formats
    cutoff: str = typer.Option(
        ..., "--cutoff", help='Corte: código (2024-C1) o nombre ("enero–mayo 2024").'
    ),
    uta: str | None = typer.Option(None, "--uta", help="Solo una UTA: 1, 2 o 3."),
    entity: str | None = typer.Option(None, "--entity", help="Solo una entidad (p. ej. SDG)."),
    as_json: bool = typer.Option(False, "--json", help="Salida en JSON."),
    detail: bool = typer.Option(False, "--detail", help="Incluye cada producto."),
) -> None:
    """Avance ponderado de la política frente a su meta en un corte (total, UTA o entidad)."""
    from sqlalchemy.exc import DBAPIError

    from warehouse.formatting import format_number, format_percent
    from warehouse.marts import avance as marts_avance
    from warehouse.marts import plan_de_accion

    kind, code = _scope(uta, entity)
    try:
        found = plan_de_accion.resolve_cutoff(cutoff)
        if found is None:
            known = "; ".join(
                f"{c.cutoff_code} ({c.cutoff_name})" for c in plan_de_accion.cutoffs()
            )
            raise _fail(f"Corte desconocido: «{cutoff}». Cortes disponibles: {known or 'ninguno'}.")
        rows = marts_avance.policy_advance(found.cutoff_code, kind, code).to_dict("records")
        products = []
        if detail:
            products = marts_avance.products(
                found.cutoff_code,
                code if kind == "uta" else None,
                code if kind == "entidad" else None,
            ).to_dict("records")
    except DBAPIError as error:
        raise _fail(
            "No se pudo consultar el almacén (¿falta ejecutar `tablero build`?): "
            f"{error.orig.__class__.__name__}.",
            code=1,
        ) from error
    if not rows:
        raise _fail(f"No hay productos del plan de acción para «{code}» en el corte.", code=1)
    row = rows[0]
    if as_json:
        payload = {"cutoff_code": found.cutoff_code, "cutoff_name": found.cutoff_name}
        payload |= _figure_json(row)
        if detail:
            payload["products_detail"] = [_product_json(p) for p in products]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Avance de la política — {row['scope_name']} — corte {found.cutoff_name}")
    typer.echo(
        f"Avance ponderado: {format_percent(row['advance_ratio'], PERCENT_DECIMALS)} frente a "
        f"una meta de {format_percent(row['goal_ratio'], PERCENT_DECIMALS)} "
        f"({format_number(row['reported_products'])} de {format_number(row['products'])} "
        "productos reportados)."
    )
    for line in _product_lines(products):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the policy-advance command (`avance`) to the main app."""
    app.command("avance")(avance)
