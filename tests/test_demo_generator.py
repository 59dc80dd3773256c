"""The demo exports: regenerated identically, the 2024 deck, a 2023 history, all accepted."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from warehouse.intake.loader import load_file
from warehouse.settings import PROJECT_ROOT
from warehouse.text import fold

DEMO = PROJECT_ROOT / "seeds" / "demo"
CATALOG = PROJECT_ROOT / "seeds" / "catalog"
MONTHS_ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
C1 = [date(2024, m, 1) for m in range(1, 6)]
DECK_FLOWS = {
    "UTA1_SDIS_REFERENCIADOS": 235,
    "UTA1_INTEGRATE_ORIENTACIONES": 7218,
    "UTA1_MUJER_ATENDIDAS": 1214,
    "UTA1_IDIPRON_VINCULADOS": 40,
    "UTA2_HACIENDA_TERCEROS": 78987,
    "UTA2_SED_ORIENTADOS": 256352,
    "UTA2_SDDE_COMPETENCIAS": 111,
    "UTA2_IPES_FORMACION": 82,
    "UTA3_JUSTICIA_ORIENTACIONES": 3993,
    "UTA3_AMBIENTE_EDUCACION": 6982,
}
DECK_REPORTERS = {
    "UTA1": (
        "Gobierno, Planeación, Integración Social, Secretaría General, Mujer, IDIPRON, Educación"
    ),
    "UTA2": "Hacienda, Desarrollo Económico, IPES, Salud, Mujer, IDIPRON, Educación",
    "UTA3": "Secretaría General, Ambiente, IDPAC, Educación, Gobierno, Seguridad",
}
DECK_DELEGATE_PLACES = (
    "Usaquén, San Cristóbal, Bosa, Kennedy, Fontibón, Engativá, Suba, Barrios Unidos, "
    "Teusaquillo, Puente Aranda, Rafael Uribe Uribe, La Candelaria, Ciudad Bolívar"
)


# --- an independent, deliberately simple reader of the exports --------------------------------
def _plain(text_: str) -> str:
    return fold(text_.strip())


def _catalog(name: str) -> list[dict[str, str]]:
    with (CATALOG / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_export(path: Path) -> list[dict[str, str]]:
    """Rows as {normalised header: text}, for CSV (any dialect used here) and XLSX."""
    if path.suffix == ".xlsx":
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        raw = path.read_bytes()
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            content = raw.decode("cp1252")
        first = content.splitlines()[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        table = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    header = [_plain(h).replace(" ", "_") for h in table[0]]
    return [dict(zip(header, row, strict=True)) for row in table[1:] if any(row)]


def parse_month(value: str) -> date:
    value = _plain(value)
    if match := re.match(r"(\d{4})[-/](\d{1,2})", value):
        return date(int(match[1]), int(match[2]), 1)
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", value):
        return date(int(match[2]), int(match[1]), 1)
    match = re.fullmatch(r"([a-z]+)[\s-]+(\d{4})", value)
    assert match, value
    return date(int(match[2]), MONTHS_ES.index(match[1][:3]) + 1, 1)


def resolve(place: str, aliases: dict[str, str]) -> str:
    if not place.strip():
        return "00"
    return aliases[re.sub(r"\s+", " ", re.sub(r"[-_]", " ", _plain(place))).strip()]


@pytest.fixture(scope="module")
def latest() -> dict[tuple[str, str, date], list[dict[str, str]]]:
    """Indicator rows per (entity, indicator, month): the latest delivery replaces earlier ones."""
    result: dict[tuple[str, str, date], list[dict[str, str]]] = {}
    for path in sorted(DEMO.rglob("*_indicadores_*")):
        delivered: dict[tuple[str, str, date], list[dict[str, str]]] = defaultdict(list)
        for row in read_export(path):
            key = (row["entidad"], row["indicador"], parse_month(row["mes"]))
            delivered[key].append({**row, "file": str(path)})
        result.update(delivered)
    return result


def monthly_total(latest, code: str, month: date) -> int:
    rows = next(rows for (_, c, m), rows in latest.items() if c == code and m == month)
    return sum(
        int(r["valor"].replace(".", ""))
        for r in rows
        if not r.get("sexo") and not r.get("grupo_edad")
    )


# --- (a) reproducible -----------------------------------------------------------------------
def _contents(path: Path) -> object:
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, data_only=True)
        return [[list(row) for row in ws.iter_rows(values_only=True)] for ws in workbook]
    return path.read_bytes()


def test_regenerating_gives_exactly_the_committed_files(tmp_path: Path) -> None:
    # The generator is tooling, not part of the installed package: run it as documented, from
    # the repository root (seeds/ is not installed, so this also checks that it needs no install).
    subprocess.run(
        [sys.executable, "-m", "seeds.generator", "--out", str(tmp_path)],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    exports = {".csv", ".xlsx"}
    fresh = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.suffix in exports}
    committed = {p.relative_to(DEMO) for p in DEMO.rglob("*") if p.suffix in exports}
    assert fresh == committed
    assert len(committed) > 150
    changed = [str(p) for p in sorted(fresh) if _contents(tmp_path / p) != _contents(DEMO / p)]
    assert changed == [], "Regenere seeds/demo: python -m seeds.generator"


# --- (b) the deck's figures, recomputed from the files ------------------------------------------
def test_files_give_the_deck_indicator_figures(latest) -> None:
    sisben = [monthly_total(latest, "UTA1_SISBEN", m) for m in C1]
    assert sisben[-1] == 806728
    assert all(a < b for a, b in pairwise(sisben))
    eps = [monthly_total(latest, "UTA2_EPS_AFILIADOS", m) for m in C1]
    assert sum(eps[:4]) == 4 * 259570
    assert eps[4] > 0
    for code, expected in DECK_FLOWS.items():
        assert sum(monthly_total(latest, code, m) for m in C1) == expected, code


def test_files_give_the_deck_human_rights_delegates(latest) -> None:
    aliases = {r["alias_normalized"]: r["locality_code"] for r in _catalog("locality_aliases")}
    names = {r["locality_code"]: r["locality_name"] for r in _catalog("localities")}
    (rows,) = [r for (_, c, m), r in latest.items() if c == "UTA3_DELEGADOS_DDHH" and m == C1[-1]]
    by_place: dict[str, int] = defaultdict(int)
    for row in rows:
        by_place[resolve(row["localidad"], aliases)] += int(row["valor"])
    assert by_place.pop("00") == 1
    assert sum(by_place.values()) == 14
    assert {names[c] for c in by_place} == set(DECK_DELEGATE_PLACES.split(", "))


def test_a_correction_changes_the_figures_and_the_latest_wins(latest) -> None:
    first: dict[tuple, int] = {}
    corrected = []
    for path in sorted(DEMO.rglob("*_indicadores_*")):
        totals: dict[tuple, int] = defaultdict(int)
        for row in read_export(path):
            if not row.get("sexo") and not row.get("grupo_edad"):
                key = (row["entidad"], row["indicador"], parse_month(row["mes"]))
                totals[key] += int(row["valor"].replace(".", ""))
        for key, total in totals.items():
            if key in first and first[key] != total:
                corrected.append(key)
            first.setdefault(key, total)
    assert corrected, "no re-delivery corrects a month"
    assert any(m in C1 for _, _, m in corrected)


def test_indicator_rows_follow_the_catalogue(latest) -> None:
    indicators = {r["indicator_code"]: r for r in _catalog("indicators")}
    aliases = {r["alias_normalized"]: r["locality_code"] for r in _catalog("locality_aliases")}
    months = defaultdict(set)
    for (entity, code, month), rows in latest.items():
        allowed = indicators[code]["allowed_disaggregations"].split(",")
        assert entity == indicators[code]["entity_code"], (entity, code)
        months[code].add(month)
        for row in rows:
            assert "localidad" in allowed or not row["localidad"].strip(), row
            resolve(row["localidad"], aliases)  # raises KeyError when a spelling is unknown
            for column in ("sexo", "grupo_edad"):
                assert column in allowed or not row.get(column), row
    year = {date(2024, m, 1) for m in range(1, 13)}
    assert {code for code, seen in months.items() if year <= seen} >= set(DECK_FLOWS)


YEAR_2023 = [date(2023, m, 1) for m in range(1, 13)]
YEAR_2024 = [date(2024, m, 1) for m in range(1, 13)]


def test_every_indicator_has_a_2023_history_below_2024(latest) -> None:
    rules = {  # delivered ones (derived indicators are computed by dbt, never delivered)
        r["indicator_code"]: r["aggregation_rule"]
        for r in _catalog("indicators")
        if r.get("source_kind") != "derived"
    }
    delivered = {code for _, code, _ in latest}
    assert delivered == set(rules)
    for code, rule in rules.items():
        before = [monthly_total(latest, code, m) for m in YEAR_2023]  # StopIteration if missing
        after = [monthly_total(latest, code, m) for m in YEAR_2024]
        assert all(v > 0 for v in before), code
        if rule == "sum":
            assert sum(before) < sum(after), code
            assert 0 < sum(before[:5]) < sum(after[:5]), code
        elif rule == "avg":
            assert sum(before) / 12 < sum(after[:4]) / 4, code
        elif code == "UTA3_DELEGADOS_DDHH":
            assert before[-1] < after[0] <= after[4], code
        else:  # a stock: grows every month into January 2024
            assert all(a < b for a, b in pairwise([*before, after[0]])), code


def test_the_2023_deliveries_hold_only_2023_and_load_before_2024() -> None:
    paths = sorted(DEMO.rglob("*_indicadores_*"))
    years = {p: {parse_month(r["mes"]).year for r in read_export(p)} for p in paths}
    old = [p for p in paths if 2023 in years[p]]
    assert old and all(years[p] == {2023} for p in old)
    assert max(old) < min(p for p in paths if 2024 in years[p])
    assert [p.name for p in old if "correccion" in p.name] == [
        "SDA_indicadores_2023-10_correccion.csv"
    ]
    others = [p for p in DEMO.rglob("*") if p.is_file() and "_indicadores_" not in p.name]
    assert not [p for p in others if "2023" in p.name]  # no action plan or governance in 2023


def test_the_warehouse_compares_jan_may_2024_with_jan_may_2023(built_warehouse) -> None:
    sql = text("select figure from marts.indicator_figure(:code, :start, :end)")
    rules = {  # delivered ones (derived indicators are computed by dbt, never delivered)
        r["indicator_code"]: r["aggregation_rule"]
        for r in _catalog("indicators")
        if r.get("source_kind") != "derived"
    }
    with built_warehouse.connect() as conn:
        for code, rule in rules.items():
            now = conn.execute(sql, {"code": code, "start": C1[0], "end": C1[-1]}).scalar()
            earlier = conn.execute(
                sql, {"code": code, "start": date(2023, 1, 1), "end": date(2023, 5, 1)}
            ).scalar()
            assert earlier is not None and 0 < earlier < now, (code, rule, earlier, now)
        sisben = conn.execute(sql, {"code": "UTA1_SISBEN", "start": C1[0], "end": C1[-1]}).scalar()
    assert sisben == 806728


def test_files_give_the_deck_reporting_compliance() -> None:
    activities = {r["activity_code"]: r for r in _catalog("activities")}
    short = {r["entity_code"]: r["entity_short_name"] for r in _catalog("entities")}
    rows: dict[tuple[str, str], list[dict[str, str]]] = {}
    for path in sorted(DEMO.rglob("*_actividades_*")):
        delivered = read_export(path)
        assert len({(r["entidad"], r["corte"]) for r in delivered}) == 1, path
        rows[(delivered[0]["entidad"], delivered[0]["corte"])] = delivered  # later replaces
    c1 = [r for (_, cutoff), file_rows in rows.items() if cutoff == "2024-C1" for r in file_rows]
    assert len({r["actividad"] for r in c1}) == len(c1)  # once per cut-off
    reported = defaultdict(set)
    reporters = defaultdict(set)
    started = 0
    for row in c1:
        activity = activities[row["actividad"]]
        assert row["entidad"] == activity["lead_entity_code"]
        reported[activity["uta_code"]].add(row["actividad"])
        reporters[activity["uta_code"]].add(short[row["entidad"]])
        if activity["uta_code"] == "TRANSVERSAL" and row["estado"] != "no iniciada":
            started += 1
    assert {uta: len(codes) for uta, codes in reported.items() if uta != "TRANSVERSAL"} == {
        "UTA1": 15,
        "UTA2": 10,
        "UTA3": 7,
    }
    for uta, names in DECK_REPORTERS.items():
        assert reporters[uta] == set(names.split(", ")), uta
    transversal = [a for a in activities.values() if a["uta_code"] == "TRANSVERSAL"]
    assert (len(transversal), started) == (11, 5)


def test_files_carry_the_deck_barriers_sessions_and_maturity() -> None:
    barriers = [r for p in sorted(DEMO.rglob("*_barreras_2024-C1*")) for r in read_export(p)]
    texts = {(r["uta"], r["tipo"], r["texto"]) for r in barriers}
    assert (
        "UTA1",
        "barrera",
        "Falta de capacitación por parte de los funcionarios de la administración distrital.",
    ) in texts
    assert {uta for uta, kind, _ in texts if kind == "barrera"} == {"UTA1", "UTA2", "UTA3"}
    (session,) = [read_export(p) for p in DEMO.rglob("*_asistencia_2024-06-20*")]
    members = {r["entity_code"] for r in _catalog("entities") if r["is_committee_member"] == "true"}
    assert {r["entidad"] for r in session} == members
    score = {"ausente": 0, "parcial": 1, "completo": 2}
    totals = []
    for path in sorted(DEMO.rglob("*_madurez_*")):
        ratings = read_export(path)
        assert len(ratings) == len(_catalog("maturity_criteria"))
        totals.append(sum(score[r["calificacion"]] for r in ratings))
    assert len(totals) == 2 and totals[1] > totals[0]


def test_catalogues_the_demo_relies_on() -> None:
    activities = _catalog("activities")
    entities = {r["entity_code"] for r in _catalog("entities")}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for activity in activities:
        counts[(activity["uta_code"], activity["activity_kind"])] += 1
        responsible = activity["responsible_entity_codes"].split("|")
        assert responsible[0] == activity["lead_entity_code"]
        assert set(responsible) <= entities
        if activity["activity_kind"] == "entidad":
            assert len(responsible) == 1, activity
        if activity["activity_kind"] == "intersectorial":
            assert 2 <= len(responsible) <= 4, activity
    assert dict(counts) == {
        ("UTA1", "entidad"): 13,
        ("UTA1", "intersectorial"): 7,
        ("UTA2", "entidad"): 13,
        ("UTA2", "intersectorial"): 3,
        ("UTA3", "entidad"): 6,
        ("UTA3", "intersectorial"): 6,
        ("TRANSVERSAL", "transversal"): 11,
    }
    levels = sorted(_catalog("maturity_levels"), key=lambda r: float(r["min_score"]))
    bounds = [(float(r["min_score"]), float(r["max_score"])) for r in levels]
    assert bounds[0][0] == 0 and bounds[-1][1] == 1
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    criteria = defaultdict(int)
    for criterion in _catalog("maturity_criteria"):
        criteria[criterion["domain_code"]] += 1
    assert criteria == dict.fromkeys((r["domain_code"] for r in _catalog("maturity_domains")), 3)
    assert len(criteria) == 6


# --- (c) the loader accepts every demo export -------------------------------------------------
def test_every_demo_export_is_accepted_by_the_loader(engine) -> None:
    paths = sorted(
        p for p in DEMO.rglob("*") if p.suffix in {".csv", ".xlsx"} and p.name != "entregas.csv"
    )
    results = [load_file(engine, path, submitter="test_demo_generator") for path in paths]
    refused = [r.message for r in results if r.status == "rechazado"]
    assert refused == []
    assert all(r.status in {"aceptado", "duplicado"} for r in results)
    shas = {hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}
    with engine.connect() as conn:
        stored = set(
            conn.execute(
                text(
                    "select file_sha256 from intake.deliveries "
                    "where status in ('aceptado', 'reemplazado') and file_sha256 = any(:shas)"
                ),
                {"shas": sorted(shas)},
            ).scalars()
        )
    assert stored == shas


# --- (d) when each export was received: entregas.csv -------------------------------------------
def _manifest() -> list[dict[str, str]]:
    with (DEMO / "entregas.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _covered_until(name: str) -> date:
    """First day after the period a demo export covers (month, quarter, cut-off or session)."""
    stem = Path(name).stem
    cutoffs = {r["cutoff_code"]: date.fromisoformat(r["end_month"]) for r in _catalog("cutoffs")}
    if match := re.search(r"_(\d{4}-C\d)$", stem):
        last = cutoffs[match.group(1)]
    elif match := re.search(r"_(\d{4})-T(\d)$", stem):
        last = date(int(match.group(1)), 3 * int(match.group(2)), 1)
    elif match := re.search(r"_asistencia_(\d{4}-\d{2}-\d{2})$", stem):
        return date.fromisoformat(match.group(1))
    elif match := re.search(r"_madurez_(\d{4}-\d{2})$", stem):
        return date.fromisoformat(f"{match.group(1)}-01")
    else:
        match = re.search(r"_(\d{4}-\d{2})(_correccion|_v2)?$", stem)
        assert match, name
        last = date.fromisoformat(f"{match.group(1)}-01")
    return date(last.year + last.month // 12, last.month % 12 + 1, 1)


def test_the_manifest_lists_every_export_once_with_plausible_dates() -> None:
    rows = _manifest()
    listed = [r["file"] for r in rows]
    exports = {
        p.relative_to(DEMO).as_posix()
        for p in DEMO.rglob("*")
        if p.suffix in {".csv", ".xlsx"} and p.name != "entregas.csv"
    }
    assert len(listed) == len(set(listed)) == len(exports) == 391  # 348 + 43 product advance
    assert set(listed) == exports
    received = {r["file"]: datetime.fromisoformat(r["received_at"]) for r in rows}
    for name, moment in received.items():
        assert moment.utcoffset() == timedelta(hours=-5), name
        assert _covered_until(name) <= moment.date() < date(2025, 2, 1), (name, moment)
    for name, moment in received.items():  # a correction arrives weeks after what it corrects
        if match := re.match(r"(.+/)?(\w+_indicadores_[\d-]+)(_correccion|_v2)\.", name):
            (original,) = [n for n in received if Path(n).stem == match.group(2)]
            assert moment - received[original] >= timedelta(days=14), name
    assert {r["submitter"] for r in rows} >= {"enlace SDP", "enlace SDS"}


def test_the_demo_carries_its_reception_dates_and_some_are_late(built_warehouse) -> None:
    with built_warehouse.connect() as conn:
        on_time = dict(
            conn.execute(
                text(
                    "select is_on_time, count(*) from marts.mart_deliveries_by_cutoff "
                    "where cutoff_code = '2024-C1' group by is_on_time"
                )
            ).all()
        )
        stored = {
            name: (moment, submitter)
            for name, moment, submitter in conn.execute(
                text(
                    "select file_name, received_at, submitter from intake.deliveries "
                    "where file_name in "
                    "('SDS_indicadores_2024-05.xlsx', 'SDA_actividades_2024-C1.csv')"
                )
            ).all()
        }
    assert on_time.get(True, 0) > on_time.get(False, 0) > 0, on_time
    expected = {
        Path(r["file"]).name: (datetime.fromisoformat(r["received_at"]), r["submitter"])
        for r in _manifest()
        if Path(r["file"]).name in stored
    }
    assert len(stored) == 2
    assert stored == expected
