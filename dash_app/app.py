"""Dash application factory: shell (navbar, global filters, banners, pages); `server` for WSGI."""

from __future__ import annotations

import re
import sys

import dash
import dash_bootstrap_components as dbc
from dash import Dash, dcc, html

from dash_app import auth, bundles, ids, public_mode
from dash_app.auth.ui import user_menu
from dash_app.cache import cached_call, init_cache
from dash_app.components.filter_bar import filter_bar
from dash_app.components.navbar import navbar
from dash_app.state.context import filter_context, month_options, period_options
from warehouse.formatting import format_datetime, format_number
from warehouse.marts import reference
from warehouse.settings import get_settings

CREDITS = (
    "Límites de localidades: IDECA – Infraestructura de Datos Espaciales de Bogotá, CC BY-SA. "
    "Población 2024: proyecciones SDP / DANE (censo 2018). "
    "Cifras: exportaciones de las entidades del Distrito."
)


def _options(frame, value: str, label: str) -> list[dict]:
    return [{"value": v, "label": lbl} for v, lbl in zip(frame[value], frame[label], strict=False)]


QUEUE_TEXT = {
    "en cola": "el tablero se actualizará en unos segundos (actualización en cola).",
    "en curso": "el tablero se está actualizando en este momento.",
    "fallida": "la última actualización automática falló: la Secretaría Técnica la revisa en "
    "«Entregar información».",
}
QUEUE_IDLE = (
    "se publicarán con la próxima actualización, automática tras cada entrega o validación en "
    "«Entregar información»."
)


def queue_text() -> str:
    """What the build queue is doing, in words (internal app only: the public one never imports
    the queue)."""
    from warehouse import build_queue

    latest = build_queue.latest()
    return QUEUE_TEXT.get(latest.state, QUEUE_IDLE) if latest else QUEUE_IDLE


def behind_notice(status: dict | None) -> list:
    """A warning when the marts lag behind the intake: a failed build, or accepted deliveries
    that are not in the marts yet (status: mart_build_status, read live on every page load)."""
    if not status:
        return []
    pending = int(status["pending_deliveries"] or 0)
    parts = []
    if status["last_attempt_failed"]:
        parts.append(
            "La última actualización del almacén falló "
            f"({format_datetime(status['last_attempt_at'])}): las cifras son las de la "
            "construcción anterior."
        )
    if pending:
        parts.append(
            f"{format_number(pending)} entrega{'s' if pending != 1 else ''} aceptada"
            f"{'s' if pending != 1 else ''} aún no aparece{'n' if pending != 1 else ''} en el "
            f"tablero; {queue_text()}"
        )
    if not parts:
        return []
    return [
        html.Span(
            " ".join(parts), id=ids.BEHIND, className="ms-2 text-warning-emphasis fw-semibold"
        )
    ]


def shell(public_only: bool = False) -> html.Div:
    """Built on every full page load, so filter options and the banner follow the last build."""
    ctx = filter_context()
    localities = cached_call(reference.localities)
    built = cached_call(reference.built_at)
    banner = html.Div(
        [
            f"Datos al {format_datetime(built)} (última construcción del almacén)."
            if built
            else "Aún no hay una construcción registrada del almacén.",
            *([] if public_only else behind_notice(reference.build_status())),
        ],
        id=ids.FRESHNESS,
        className="freshness small text-body-secondary px-3 py-1",
    )
    if not public_only:
        banner = html.Div([banner, user_menu()], className="d-flex flex-wrap align-items-center")
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            navbar(public_only),
            filter_bar(
                ctx,
                period_options(ctx),
                month_options(ctx),
                _options(
                    localities[localities["is_locality"].astype(bool)],
                    "locality_code",
                    "locality_name",
                ),
                _options(cached_call(reference.entities), "entity_code", "entity_short_name"),
                _options(cached_call(reference.utas), "uta_code", "uta_label"),
                period_only=public_only,
            ),
            banner,
            html.Div(id=ids.NOTICE, className="px-3"),
            dbc.Container(
                # While a view recomputes, keep the previous one visible, dimmed.
                dcc.Loading(
                    dash.page_container,
                    delay_show=400,
                    overlay_style={"visibility": "visible", "opacity": 0.55},
                    color="#0d6efd",
                ),
                fluid=True,
                className="py-2 page-body",
            ),
            html.Footer(
                CREDITS, className="credits small text-body-secondary px-3 py-2 border-top"
            ),
        ],
        id=ids.SHELL,
        lang="es",
    )


# Modules a public deployment must never import: internal pages, their views and queries.
INTERNAL_MODULES = re.compile(
    r"^dash_app\.pages\.(?!publico$|__init__$)\w+$"
    r"|^warehouse\.marts\.(indicators|indicadores|calidad|plan_de_accion|barreras|gobernanza|persons)$"
    r"|^warehouse\.(delivery|reviews|audit|build_queue)$"
)


def _dash(pages_folder: str) -> Dash:
    # Everything (Bootstrap, Plotly's Spanish locale, the map) is served from assets/: no CDN.
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=pages_folder,
        title="Tablero Migrante – Bogotá D.C.",
        update_title=None,
        suppress_callback_exceptions=True,
        serve_locally=True,
        compress=True,  # gzip/brotli for JS, CSS and JSON responses (flask-compress)
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="es">')
    bundles.install(app)  # partial Plotly; the grid's code only on pages with a grid
    init_cache(app.server)
    return app


def create_app(public_only: bool | None = None) -> Dash:
    """The internal dashboard (login, roles), or with public_only (default: the setting
    TABLERO_PUBLIC_ONLY) the public deployment: a separate app holding the public page alone."""
    if public_only is None:
        public_only = get_settings().public_only
    if public_only:
        return create_public_app()
    app = _dash("pages")
    app.server.config[public_mode.PUBLIC_ONLY_KEY] = False
    from dash_app import callbacks  # noqa: F401  (registers the shell callbacks)

    app.layout = lambda: shell(False)
    auth.install(app)
    return app


def create_public_app() -> Dash:
    """Only the public page and the shell: no internal layout, callback or query module is
    imported in this process (checked), so none can be reached by any request."""
    leaked = sorted(name for name in sys.modules if INTERNAL_MODULES.match(name))
    if leaked:
        raise RuntimeError(
            "La versión pública debe servirse en su propio proceso; ya se importaron: "
            + ", ".join(leaked)
        )
    app = _dash("public_pages")
    app.server.config[public_mode.PUBLIC_ONLY_KEY] = True
    from dash_app import callbacks  # noqa: F401  (registers the shell callbacks)

    app.layout = lambda: shell(True)
    auth.install_public(app)
    leaked = sorted(name for name in sys.modules if INTERNAL_MODULES.match(name))
    if leaked:
        raise RuntimeError("La versión pública importó módulos internos: " + ", ".join(leaked))
    return app


def server():  # pragma: no cover - WSGI entry point: `gunicorn 'dash_app.app:server()'`
    return create_app().server
