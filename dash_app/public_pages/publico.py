"""The public page in the public deployment: the same module as the internal app's /publico.

Dash imports the modules of a pages folder that call dash.register_page; this one registers the
page module of dash_app/pages/publico.py (importing it alone, not the internal pages) with its
layout, so the router finds it.
"""

import dash

from dash_app.pages import publico as page

dash.register_page(
    page.__name__,
    path=page.PATH,
    name="Datos públicos",
    title="Datos públicos – Tablero Migrante",
    layout=page.layout,
)
