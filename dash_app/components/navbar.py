"""Top navigation bar: the pages (links keep the filters' query string) and presentation mode."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dash_app import ids

PAGES = (
    ("/", "Resumen"),
    ("/indicadores", "Indicadores"),
    ("/territorio", "Territorio"),
    ("/plan-de-accion", "Plan de acción"),
    ("/gobernanza", "Comité"),  # short: the navbar must fit one line at 1366 px
    ("/barreras", "Barreras y avances"),
    ("/entidades", "Entidades"),
    ("/catalogo", "Catálogo"),
    ("/calidad", "Calidad"),  # short too, so that the public page fits on the same line
    ("/publico", "Público"),  # the public page (docs/dominio.md, Hoja de ruta, paso 4)
)
PUBLIC_PAGES = (("/publico", "Datos públicos"),)  # all a public deployment shows


def navbar(public_only: bool = False) -> dbc.Navbar:
    """public_only (TABLERO_PUBLIC_ONLY): the public page alone, the brand pointing at it."""
    pages = PUBLIC_PAGES if public_only else PAGES
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
                dbc.NavbarBrand("Tablero Migrante", href=pages[0][0], className="me-3"),
                dbc.NavbarToggler(id="navbar-toggler"),
                dbc.Collapse(
                    [dbc.Nav(links, navbar=True, className="flex-wrap"), tools],
                    id="navbar-collapse",
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
