"""CLI commands over the indicator catalogue and figures (same query layer as the app)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import typer

from warehouse.formatting import RULE_LABELS
from warehouse.text import fold_words

if TYPE_CHECKING:  # the read API is imported lazily: `tablero --help` needs no pandas
    from warehouse.marts.indicators import FigureWindow, IndicatorFigure
    from warehouse.marts.persons import PersonCount

MONTH_PATTERN = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=2)


def _parse_month(value: str, option: str) -> date:
    match = MONTH_PATTERN.match(value or "")
    if match and 1 <= int(match.group(2)) <= 12:
        return date(int(match.group(1)), int(match.group(2)), 1)
    raise _fail(f"Mes inválido en {option}: «{value}». Use el formato AAAA-MM (p. ej. 2024-05).")


def _resolve_localities(values: list[str], catalogue) -> list[str]:
    """Accept codes ('01', '1', '00') or names ('Usaquén', 'kennedy'); fail on anything else."""
    by_key: dict[str, str] = {}
    for row in catalogue.itertuples():
        by_key[row.locality_code] = row.locality_code
        by_key[fold_words(row.locality_name)] = row.locality_code
    codes = []
    for value in values:
        key = value.strip().zfill(2) if value.strip().isdigit() else fold_words(value)
        if key not in by_key:
            raise _fail(
                f"Localidad desconocida: «{value}». Use un código de 00 (Distrito) a 20 "
                "o el nombre de la localidad."
            )
        codes.append(by_key[key])
    return codes


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _month_text(value: date | None) -> str | None:
    return value.strftime("%Y-%m") if value else None


def indicators_command(
    as_json: bool = typer.Option(False, "--json", help="Salida en JSON."),
) -> None:
    """Lista el catálogo de indicadores (código, nombre, unidad, regla, UTA, entidad)."""
    from warehouse.marts import indicators as query

    catalogue = query.indicators()
    rows = [
        {
            "code": r.indicator_code,
            "name": r.indicator_name,
            "unit": r.unit,
            "rule": r.aggregation_rule,
            "uta": r.uta_code,
            "uta_name": r.uta_label,
            "entity": r.entity_code,
            "entity_name": r.entity_short_name,
            "source_kind": r.source_kind,
            "formula": r.formula if isinstance(r.formula, str) else None,
        }
        for r in catalogue.itertuples()
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Catálogo de indicadores ({len(rows)}):")
    for row in rows:
        typer.echo(
            f"{row['code']:<30} {row['name']}\n"
            f"{'':<30} unidad: {row['unit']} · regla: {row['rule']} "
            f"({RULE_LABELS.get(row['rule'], row['rule'])}) · {row['uta_name']} · "
            f"entidad: {row['entity_name']} ({row['entity']})"
            + (f"\n{'':<30} derivado (dbt): {row['formula']}" if row["formula"] else "")
        )


@dataclass(frozen=True)
class FigureAnswer:
    """What `tablero figure` reports: the filters as resolved and what the marts answered."""

    info: dict[str, Any]
    first: date
    last: date
    codes: list[str] | None
    entity_code: str | None
    window: FigureWindow
    figure: IndicatorFigure
    people: PersonCount | None  # only where a nominal register has data in the period


def _answer(
    code: str, start: str, end: str, locality: list[str] | None, entity: str | None
) -> FigureAnswer:
    """Check the filters (exit 2 with a Spanish message) and ask the read API, as the app does."""
    from warehouse.marts import indicators as query
    from warehouse.marts.persons import person_count

    first, last = _parse_month(start, "--from"), _parse_month(end, "--to")
    if first > last:
        raise _fail(f"El periodo está invertido: --from {start} es posterior a --to {end}.")
    info = query.indicator(code.strip().upper())
    if info is None:
        raise _fail(
            f"Indicador desconocido: «{code}». Use `tablero indicators` para ver el catálogo."
        )
    codes = _resolve_localities(locality or [], query.localities()) if locality else None
    entity_code = entity.strip().upper() if entity else None
    if entity_code and entity_code not in set(query.entities()["entity_code"]):
        raise _fail(f"Entidad desconocida: «{entity}». Use un código como SDG, SDIS o IDIPRON.")

    # As on the dashboard's cards: a cut-off period uses the indicator's own window there.
    window = query.figure_window(info["indicator_code"], first, last)
    figure = query.indicator_figure(
        info["indicator_code"], window.start, window.end, codes, entity_code
    )
    # As the Indicadores card: distinct persons over the chosen months, where a register exists.
    people = person_count(info["indicator_code"], first, last, codes, entity_code)
    people = people if people is not None and people.has_data else None
    return FigureAnswer(info, first, last, codes, entity_code, window, figure, people)


def _payload(answer: FigureAnswer) -> dict[str, Any]:
    """The --json output."""
    from warehouse.formatting import format_figure

    figure, window, people = answer.figure, answer.window, answer.people
    return {
        "indicator_code": figure.indicator_code,
        "indicator_name": answer.info["indicator_name"],
        "unit": answer.info["unit"],
        "aggregation_rule": figure.aggregation_rule,
        "from": _month_text(answer.first),
        "to": _month_text(answer.last),
        "localities": answer.codes,
        "entity": answer.entity_code,
        "window_from": _month_text(window.start),
        "window_to": _month_text(window.end),
        "lag_months": window.lag_months,
        "value": _number(figure.value),
        "value_text": format_figure(figure.value, answer.info.get("ratio_per")),
        "months_with_data": figure.months_with_data,
        "first_month": _month_text(figure.first_month),
        "last_month": _month_text(figure.last_month),
        "distinct_persons": people.distinct_persons if people else None,
        "person_months": people.person_months if people else None,
    }


def _echo_answer(answer: FigureAnswer) -> None:
    """The text output, in Spanish with es-CO numbers."""
    from warehouse.formatting import (
        format_figure,
        format_month,
        format_month_range,
        format_months,
        format_number,
    )

    info, figure, window, people = answer.info, answer.figure, answer.window, answer.people
    scope = ", ".join(answer.codes) if answer.codes else "todas (Distrito incluido)"
    typer.echo(f"{info['indicator_code']} · {info['indicator_name']}")
    typer.echo(f"Periodo: {format_month_range(answer.first, answer.last)} · Localidades: {scope}")
    if answer.entity_code:
        typer.echo(f"Entidad: {answer.entity_code}")
    if window.lag_months:
        typer.echo(
            f"Corte {window.cutoff_name}: la fuente tiene "
            f"{format_months(window.lag_months)} de rezago; "
            f"se informa {format_month_range(window.start, window.end)}."
        )
    typer.echo(f"Regla: {RULE_LABELS.get(figure.aggregation_rule, figure.aggregation_rule)}")
    if figure.value is None:
        typer.echo("Valor: — (sin datos en el periodo)")
        return
    detail = f"{format_months(figure.months_with_data)} con dato"
    if figure.aggregation_rule == "last" and figure.last_month:
        detail = f"dato de {format_month(figure.last_month)}; {detail}"
        if figure.last_month < window.start:  # catalogue stock_validity_months
            detail = (
                f"último valor disponible: dato de {format_month(figure.last_month)}, "
                "sin dato en el periodo"
            )
    if figure.aggregation_rule == "ratio":  # a derived ratio: '32,3 %', '78,1 por 1.000'
        typer.echo(f"Valor: {format_figure(figure.value, info['ratio_per'])} ({detail})")
        typer.echo(f"Fórmula: {info['formula']}")
    else:
        typer.echo(f"Valor: {format_number(figure.value)} {info['unit']} ({detail})")
    if people:
        typer.echo(
            f"Personas distintas: {format_number(people.distinct_persons)} "
            f"(registro nominal; {format_number(people.person_months)} personas-mes)"
        )


def figure_command(
    code: str = typer.Argument(..., help="Código del indicador (p. ej. UTA1_SISBEN)."),
    start: str = typer.Option(..., "--from", help="Mes inicial, AAAA-MM."),
    end: str = typer.Option(..., "--to", help="Mes final, AAAA-MM."),
    locality: Annotated[
        list[str] | None,
        typer.Option(help="Código o nombre de localidad; repetible. Sin él: todas."),
    ] = None,
    entity: str | None = typer.Option(None, "--entity", help="Código de la entidad que reporta."),
    as_json: bool = typer.Option(False, "--json", help="Salida en JSON."),
    rate: bool = typer.Option(
        False, "--rate", help="Además, la cifra por 1.000 habitantes del año del dato."
    ),
) -> None:
    """Imprime la cifra que muestra el tablero para esos filtros, según la regla del indicador."""
    answer = _answer(code, start, end, locality, entity)
    per_1000 = _rate(answer) if rate else None
    if as_json:
        payload = _payload(answer)
        if per_1000 is not None:
            payload |= {
                "rate_per_1000": per_1000.rate_per_1000,
                "population_year": per_1000.population_year,
                "population": per_1000.population,
            }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _echo_answer(answer)
    if per_1000 is not None:
        _echo_rate(per_1000)


def _rate(answer: FigureAnswer):
    """The figure per 1.000 inhabitants of its own year (marts.indicator_rate), same window."""
    from warehouse.marts.rates import indicator_rate

    window = answer.window
    return indicator_rate(
        answer.info["indicator_code"], window.start, window.end, answer.codes, answer.entity_code
    )


def _echo_rate(per_1000) -> None:
    from warehouse.formatting import format_number

    if per_1000.rate_per_1000 is None:
        typer.echo("Tasa por 1.000 habitantes: — (sin cifra o sin población para ese año)")
        return
    typer.echo(
        f"Tasa: {format_number(per_1000.rate_per_1000, 2)} por 1.000 habitantes "
        f"(población {per_1000.population_year}: {format_number(per_1000.population)})"
    )


def register(app: typer.Typer) -> None:
    """Add the indicator commands (`indicators`, `figure`) to the main app."""
    app.command("indicators")(indicators_command)
    app.command("figure")(figure_command)
