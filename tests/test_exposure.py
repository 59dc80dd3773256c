"""The dbt exposure for the Dash app names every mart the app (and its CLI) reads."""

from __future__ import annotations

import re

import yaml

from warehouse.settings import PROJECT_ROOT

EXPOSURES = PROJECT_ROOT / "dbt_project" / "models" / "marts" / "_dash_app__exposures.yml"
FUNCTIONS = {"indicator_figure", "indicator_figure_by_locality", "indicator_series"}
FUNCTIONS |= {"indicator_breakdown", "person_count"}  # SQL functions dbt creates on-run-end
FUNCTIONS |= {"indicator_rate", "indicator_figures"}  # indicator_figures wraps indicator_figure
# Marts a function reads that the app may not name itself: reading the function reads them.
FUNCTION_MARTS = {"person_count": {"fct_person_months", "dim_indicator"}}
FUNCTION_MARTS["indicator_rate"] = {"mart_population_by_year", "fct_indicator_values"}


def marts_read_by(paths) -> set[str]:
    names = set()
    for path in paths:
        # `marts.<name>` in SQL, not the Python module path `warehouse.marts.<module>`
        names |= set(re.findall(r"(?<![\w.])marts\.([a-z_]+)", path.read_text(encoding="utf-8")))
    for function in names & FUNCTION_MARTS.keys():
        names |= FUNCTION_MARTS[function]
    return names - FUNCTIONS


def test_exposure_lists_every_mart_the_app_reads():
    exposure = yaml.safe_load(EXPOSURES.read_text(encoding="utf-8"))["exposures"][0]
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1) for ref in exposure["depends_on"]}
    read = marts_read_by((PROJECT_ROOT / "dash_app").rglob("*.py"))
    read |= marts_read_by((PROJECT_ROOT / "warehouse").glob("cli*.py"))
    read |= marts_read_by((PROJECT_ROOT / "warehouse" / "marts").rglob("*.py"))  # the read API
    read |= marts_read_by([PROJECT_ROOT / "warehouse" / "committee.py"])  # live session views
    assert read, "the app reads no mart? the pattern is wrong"
    assert read - declared == set(), "marts read by the app but missing from the exposure"
    assert declared - read == set(), "marts in the exposure that the app never reads"
