"""Territorio: choropleth of the 20 localities (absolute or per 1.000 inhabitants) and a profile."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dash_app.cache import cached_call
from dash_app.components.common import empty_note, filters_text, graph
from dash_app.components.indicator_controls import Choice, indicator_selector_row
from dash_app.figures.maps import choropleth
from dash_app.state import FilterState
from dash_app.views import common
from warehouse.formatting import format_month_range, format_number
from warehouse.marts import indicadores, reference

PREFIX = "terr"
ID_SELECT, ID_MEASURE, ID_MAP = f"{PREFIX}-select", f"{PREFIX}-measure", f"{PREFIX}-map"
ID_AREA, ID_PROFILE = f"{PREFIX}-area", f"{PREFIX}-profile"
K_INDICATOR, K_MEASURE, K_AREA = "indicador", "medida", "area"
MEASURES = {"absoluto": "Valor absoluto", "tasa": "Por 1.000 habitantes"}
AREAS = {"urbana": "Zona urbana (sin Sumapaz)", "todo": "Las 20 localidades"}
PROFILE_COLUMNS = {
    "indicator_name": "Indicador",
    "value_text": "Cifra",
    "unit": "Unidad",
    "rate_text": "Por 1.000 hab.",
    "rank_text": "Puesto",
    "rule": "Regla",
}


def by_locality(code: str, state: FilterState) -> pd.DataFrame:
    return cached_call(
        indicadores.figure_by_locality,
        code,
        state.start,
        state.end,
        state.entity,
        state.validated_only,
    )


def locality_row(code: str, locality: str, state: FilterState) -> pd.Series | None:
    """The locality's row of marts.indicator_figure_by_locality (figure, rate, rank), if any."""
    frame = by_locality(code, state)
    rows = frame[frame["locality_code"] == locality]
    return None if rows.empty else rows.iloc[0]


def locality_rank(code: str, locality: str, state: FilterState) -> str:
    """'3 de 19': the locality's place among the localities with data (1 = highest figure)."""
    row = locality_row(code, locality, state)
    if row is None or pd.isna(row["locality_rank"]):
        return "—"
    return f"{int(row['locality_rank'])} de {int(row['ranked_localities'])}"


def locality_rate_text(code: str, locality: str, state: FilterState) -> str:
    """The locality's figure per 1.000 inhabitants of the figure's year, 2 decimals (or '—')."""
    row = locality_row(code, locality, state)
    if row is None or pd.isna(row["rate_per_1000"]):
        return "—"
    return format_number(float(row["rate_per_1000"]), 2)


def page_keys(catalogue: pd.DataFrame) -> dict:
    return {
        K_INDICATOR: list(catalogue["indicator_code"]),
        K_MEASURE: list(MEASURES),
        K_AREA: list(AREAS),
    }


def map_frame(code: str, state: FilterState, measure: str) -> pd.DataFrame:
    """Figure per locality (dbt function) and, for 'tasa', per 1.000 inhabitants of the
    figure's own year (population_year)."""
    frame = by_locality(code, state)
    if frame.empty:
        return frame
    frame = frame[frame["is_locality"].astype(bool)].copy()
    frame["absolute"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["rate"] = pd.to_numeric(frame["rate_per_1000"], errors="coerce")
    frame["value"] = frame["rate"] if measure == "tasa" else frame["absolute"]
    return frame


def profile_frame(locality: str, state: FilterState) -> pd.DataFrame:
    """Every indicator of the catalogue (within UTA/entity filters) for one locality."""
    catalogue = common.catalogue(state)
    rows = []
    for row in catalogue.itertuples():
        result = common.indicator_figure(row.indicator_code, state, [locality])
        value = result["value"]
        # A lagged source covers a shorter window at a cut-off: rank it over the same months.
        ranked = state.with_changes(end=result["window_end"]) if result["lag_months"] else state
        name = row.indicator_name
        if result["lag_months"]:
            months = format_month_range(state.start, result["window_end"])
            name += f" ({months}, rezago de la fuente)"
        rows.append(
            {
                "indicator_code": row.indicator_code,
                "indicator_name": name,
                "value": value,
                "value_text": common.figure_text(result, row.ratio_per),
                "unit": row.unit,
                # Rate and rank over the months of the figure (the window for a lagged source).
                "rate_text": locality_rate_text(row.indicator_code, locality, ranked),
                "rank_text": locality_rank(row.indicator_code, locality, ranked),
                "rule": common.RULE_LABELS.get(row.aggregation_rule, row.aggregation_rule),
            }
        )
    return pd.DataFrame(
        rows, columns=["indicator_code", "indicator_name", "value", *PROFILE_COLUMNS]
    )


def resolve(state: FilterState, extras: dict) -> dict:
    """The page keys in effect (defaults filled in): indicator, measure, area."""
    catalogue = common.catalogue(state)
    code = extras.get(K_INDICATOR)
    if not catalogue.empty and code not in set(catalogue["indicator_code"]):
        code = catalogue["indicator_code"].iloc[0]
    return {
        K_INDICATOR: code if not catalogue.empty else None,
        K_MEASURE: extras.get(K_MEASURE) if extras.get(K_MEASURE) in MEASURES else "absoluto",
        K_AREA: extras.get(K_AREA) if extras.get(K_AREA) in AREAS else "urbana",
    }


def population_years(frame: pd.DataFrame) -> str:
    """The years of the populations the rates divide by ('2024', '2022 y 2023')."""
    if frame.empty or "population_year" not in frame:
        return "del año de cada cifra"
    years = sorted({int(y) for y in frame["population_year"].dropna()})
    if not years:
        return "del año de cada cifra"
    return " y ".join(str(y) for y in years) if len(years) <= 2 else f"{years[0]}–{years[-1]}"


def _radio_options(labels: dict[str, str]) -> list[dict]:
    return [{"label": v, "value": k} for k, v in labels.items()]


def render(state: FilterState, code: str | None, measure: str | None, area: str | None):
    catalogue = common.catalogue(state)
    if catalogue.empty:
        return [empty_note("No hay indicadores para la UTA o entidad elegidas.")]
    effective = resolve(state, {K_INDICATOR: code, K_MEASURE: measure, K_AREA: area})
    code, measure, area = effective[K_INDICATOR], effective[K_MEASURE], effective[K_AREA]
    row = catalogue.set_index("indicator_code").loc[code]
    unit = row["unit"] if measure == "absoluto" else f"{row['unit']} por 1.000 hab."
    frame = map_frame(code, state, measure)
    title = f"{row['indicator_name']} · {state.period_label} ({unit})"
    source = f"{row['entity_short_name']}; población {population_years(frame)}: SDP / DANE"
    figure = choropleth(
        frame,
        title,
        unit,
        source,
        state.localities,
        urban_only=area == "urbana" and "20" not in state.localities,
    )
    choices = [
        Choice("Medida", ID_MEASURE, measure, _radio_options(MEASURES), width=3),
        Choice("Área", ID_AREA, area, _radio_options(AREAS), width=3),
    ]
    controls = indicator_selector_row(ID_SELECT, catalogue, code, choices, 6, "g-2 mb-2")
    return [
        controls,
        dbc.Row(
            [
                dbc.Col(graph(ID_MAP, figure, filters_text(state, False)), lg=6),
                dbc.Col(_profile(state), lg=6, id=ID_PROFILE),
            ],
            className="g-3",
        ),
    ]


def _profile(state: FilterState):
    if not state.localities:
        return dbc.Alert(
            "Haga clic en una localidad del mapa (o elíjala en el filtro) para ver "
            "su perfil: todas sus cifras en una pantalla.",
            color="info",
        )
    locality = state.localities[0]
    localities = cached_call(reference.localities).set_index("locality_code")
    name = localities.loc[locality, "locality_name"]
    population = localities.loc[locality, "population_2024"]
    frame = profile_frame(locality, state)
    note = (
        "También seleccionadas: "
        + ", ".join(localities.loc[c, "locality_name"] for c in state.localities[1:])
        if len(state.localities) > 1
        else None
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(f"Perfil de {name}", className="h5", id=f"{PREFIX}-profile-title"),
                html.P(
                    f"Población 2024: {format_number(population)} habitantes (SDP / DANE). "
                    f"Periodo: {state.period_label}.",
                    className="small",
                ),
                html.P(note, className="small text-secondary") if note else None,
                _profile_table(frame),
            ]
        ),
        className="shadow-sm",
    )


def _profile_table(frame: pd.DataFrame) -> dbc.Table:
    header = html.Thead(html.Tr([html.Th(v) for k, v in PROFILE_COLUMNS.items() if k != "rule"]))
    rows = [
        html.Tr(
            [
                html.Td(r.indicator_name, title=r.rule),
                html.Td(r.value_text, className="text-end"),
                html.Td(r.unit),
                html.Td(r.rate_text, className="text-end"),
                html.Td(r.rank_text, className="text-end"),
            ],
            id=f"{PREFIX}-profile-{r.indicator_code}",
        )
        for r in frame.itertuples()
    ]
    return dbc.Table(
        [header, html.Tbody(rows)],
        size="sm",
        striped=True,
        hover=True,
        responsive=True,
        className="small mb-0",
    )
