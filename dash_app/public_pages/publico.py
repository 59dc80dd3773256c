"""The public page, registered by its module in dash_app/pages (imported alone, not the others)."""

from dash_app.pages import publico  # noqa: F401  (registers /publico and its callbacks)
