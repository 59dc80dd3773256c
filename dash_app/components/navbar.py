"""Top navigation bar: the pages (links keep the filters' query string) and presentation mode."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, clientside_callback, html

from dash_app import ids

PAGES = (
    ("/", "Resumen"),
    ("/indicadores", "Indicadores"),
    ("/territorio", "Territorio"),
    ("/plan-de-accion", "Plan de acción"),
    ("/gobernanza", "Comité"),  # short: the navbar must fit one line at 1366 px
    ("/barreras", "Barreras"),  # short: thirteen links fit one line at 1366 px for an admin
    ("/entidades", "Entidades"),
    ("/catalogo", "Catálogo"),
    ("/calidad", "Calidad"),  # short too, so that the public page fits on the same line
    ("/publico", "Público"),  # the public page (docs/dominio.md, Hoja de ruta, paso 4)
    ("/entregar", "Entregar"),  # the entity portal: admin and editor only
    ("/auditoria", "Auditoría"),  # admin only
    ("/sesiones", "Sesiones"),  # committee sessions: admin only
)
PUBLIC_PAGES = (("/publico", "Datos públicos"),)  # all a public deployment shows
MENU_TOGGLE, MENU_COLLAPSE = "navbar-toggler", "navbar-collapse"


def _menu_toggle() -> html.Button:
    """☰ below 1200 px: a labelled button (Bootstrap's own toggler has no accessible name)."""
    return html.Button(
        html.Span(className="navbar-toggler-icon"),
        id=MENU_TOGGLE,
        className="navbar-toggler",
        type="button",
        n_clicks=0,
        **{"aria-label": "Menú", "aria-controls": MENU_COLLAPSE, "aria-expanded": "false"},
    )


def _may_open(path: str) -> bool:
    """Links only to the pages the logged-in user's role may open (auth/registry.py)."""
    from flask import has_request_context

    from dash_app.auth.registry import INTERNAL, page_roles
    from dash_app.auth.session import current_role

    roles = page_roles(path, public=False) or frozenset()
    if not has_request_context():  # no user to ask: the pages every role sees
        return roles >= INTERNAL
    return current_role() in roles


def navbar(public_only: bool = False) -> dbc.Navbar:
    """public_only (TABLERO_PUBLIC_ONLY): the public page alone, the brand pointing at it."""
    pages = PUBLIC_PAGES if public_only else tuple(p for p in PAGES if _may_open(p[0]))
    links = [
        dbc.NavItem(
            dbc.NavLink(
                name,
                href=path,
                id={"type": ids.NAV_LINK, "index": path},
                active="partial" if path != "/" else "exact",
            )
        )
        for path, name in pages
    ]
    tools = html.Div(
        [
            dbc.Button(
                "Filtros",
                id=ids.FILTER_TOGGLE,
                color="light",
                outline=True,
                size="sm",
                className="me-2",
                title="Mostrar u ocultar los filtros",
            ),
            dbc.Button(
                "Presentación",
                id=ids.PRESENT_TOGGLE,
                color="light",
                size="sm",
                title="Letra grande, filtros ocultos y pantalla completa, para proyectar",
                className="text-nowrap",
            ),
        ],
        className="d-flex ms-auto",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(
                    "Tablero Migrante",
                    href=(PUBLIC_PAGES if public_only else PAGES)[0][0],  # even with no link shown
                    className="me-3",
                ),
                _menu_toggle(),
                dbc.Collapse(
                    [dbc.Nav(links, navbar=True, className="flex-wrap"), tools],
                    id=MENU_COLLAPSE,
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        expand="xl",
    )


# ☰ opens and closes the menu in the browser (Dash's hashed inline script: the CSP allows it);
# following a link (even to the page already shown) closes it, so no page hides under it.
clientside_callback(
    """(clicks, _links, _path, isOpen) => {
        const ctx = window.dash_clientside.callback_context;
        const byToggle = ctx.triggered.some((t) => t.prop_id === "navbar-toggler.n_clicks");
        const open = byToggle && clicks ? !isOpen : false;
        return [open, open ? "true" : "false"];
    }""",
    Output(MENU_COLLAPSE, "is_open"),
    Output(MENU_TOGGLE, "aria-expanded"),
    Input(MENU_TOGGLE, "n_clicks"),
    Input({"type": ids.NAV_LINK, "index": ALL}, "n_clicks"),
    Input(ids.URL, "pathname"),
    State(MENU_COLLAPSE, "is_open"),
    prevent_initial_call=True,
)
