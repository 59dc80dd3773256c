"""CLI commands over the indicator catalogue and figures (same query layer as the app)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the indicator commands (`indicators`, `figure`) to the main app."""
