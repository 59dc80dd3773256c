"""A light first load: Plotly with only our trace types, and the grid's code only where a grid is.

- dcc.Graph loads plotly.js the first time a chart is drawn, from a fixed address that the Dash
  renderer sets (`window._dashPlotlyJSURL` = `_dash-component-suites/plotly/package_data/
  plotly.min.js` when serving locally). That address answers here with the partial bundle built
  by `plotly_bundle/` (scatter, bar, choropleth, indicator: 0,5 MB compressed instead of 1,5 MB).
  Pages without charts still load no Plotly at all.
- dash-ag-grid's main bundle (1,3 MB, 0,36 MB compressed) is marked dynamic, so Dash no longer
  puts it in every page; `assets/lazy-grid.js` stands in for `window.dash_ag_grid` and loads it
  the first time a page shows a grid.
"""

from __future__ import annotations

import hashlib
import mimetypes
from functools import cache
from pathlib import Path

import dash_ag_grid
from dash import Dash
from flask import Response, request

PLOTLY_BUNDLE = Path(__file__).parent / "plotly_bundle" / "plotly-tablero.min.js"
DCC_PLOTLY_PATH = "_dash-component-suites/plotly/package_data/plotly.min.js"
GRID_BUNDLE = "dash_ag_grid.min.js"


@cache
def plotly_bundle() -> tuple[bytes, str]:
    """The partial plotly.js and its ETag (read once per process)."""
    data = PLOTLY_BUNDLE.read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:32]


def _serve_plotly() -> Response:
    data, etag = plotly_bundle()
    response = Response(data, mimetype=mimetypes.types_map[".js"])
    response.set_etag(etag)
    # like Dash's unfingerprinted bundles: revalidated by ETag, so a rebuilt bundle is picked up
    return response.make_conditional(request)


def lazy_grid() -> None:
    """Mark dash-ag-grid's main bundle dynamic: still served, no longer a script of every page."""
    for resource in dash_ag_grid._js_dist:
        if resource.get("relative_package_path") == GRID_BUNDLE:
            resource["dynamic"] = True


def install(app: Dash) -> None:
    """Serve the partial Plotly at the address dcc.Graph fetches, and load the grid lazily.

    Flask prefers this rule's static path over Dash's `<package>/<path>` rule for the same URL;
    the login guard covers it as it covers every `/_dash-` address."""
    prefix = app.config.routes_pathname_prefix
    app.server.add_url_rule(
        f"{prefix}{DCC_PLOTLY_PATH}", endpoint="tablero_plotly_js", view_func=_serve_plotly
    )
    lazy_grid()
