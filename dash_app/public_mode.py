"""Whether this process serves the public deployment (TABLERO_PUBLIC_ONLY).

The public deployment is a separate Dash app (dash_app/app.py::create_app) that registers only
the public page and its callbacks (pages folder dash_app/public_pages/); its guard is
dash_app/auth/setup.py::install_public.
"""

from __future__ import annotations

from flask import current_app, has_app_context

PUBLIC_PATH = "/publico"
PUBLIC_ONLY_KEY = "TABLERO_PUBLIC_ONLY"  # Flask config flag set by create_app


def is_public_only() -> bool:
    """Whether the app serving this request is the public deployment."""
    return bool(current_app.config.get(PUBLIC_ONLY_KEY)) if has_app_context() else False
