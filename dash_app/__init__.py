"""Tablero Migrante's Plotly Dash app: pages, components and a thin query layer over the marts."""
