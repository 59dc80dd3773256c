"""CLI commands over the action-plan follow-up (reporting compliance per cut-off)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the action-plan commands (`compliance`) to the main app."""
