"""Resumen shows the policy's weighted advance against its goal for the chosen cut-off: the
same figures as a SQL query on mart_policy_advance and as `tablero avance`."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from sqlalchemy import text
from typer.testing import CliRunner

from warehouse.cli import app
from warehouse.formatting import format_percent


@pytest.mark.browser
def test_resumen_reads_advance_and_goal_for_two_cutoffs(page, app_url, built_warehouse):
    runner = CliRunner()
    shown = []
    for cutoff in ("2024-C1", "2024-C3"):
        with built_warehouse.connect() as conn:
            advance, goal = conn.execute(
                text(
                    "select advance_ratio, goal_ratio from marts.mart_policy_advance "
                    "where scope_kind = 'politica' and cutoff_code = :c"
                ),
                {"c": cutoff},
            ).one()
        cli = json.loads(runner.invoke(app, ["avance", "--cutoff", cutoff, "--json"]).output)
        assert (cli["advance_percent"], cli["goal_percent"]) == (
            format_percent(advance, 2),
            format_percent(goal, 2),
        )
        page.goto(f"{app_url}/?periodo={cutoff}")
        expect(page.locator("#resumen-avance-valor")).to_have_text(cli["advance_percent"])
        expect(page.locator("#resumen-avance-meta")).to_have_text(cli["goal_percent"])
        expect(page.locator("#resumen-avance-trayectoria .main-svg").first).to_be_visible()
        shown.append(cli["advance_percent"])
    assert shown[0] != shown[1]  # the figure follows the cut-off
