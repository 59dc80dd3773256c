"""Top navigation bar listing the registered pages."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc


def navbar() -> dbc.Navbar:
    links = [
        dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
        for page in dash.page_registry.values()
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Tablero Migrante · Bogotá D.C.", href="/"),
                dbc.Nav(links, navbar=True),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
    )
