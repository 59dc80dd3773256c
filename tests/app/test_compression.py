"""Assets and callback responses are served compressed (flask-compress), for slow networks."""

from __future__ import annotations

import urllib.request


def _fetch(url: str, accept: str) -> tuple[str | None, int]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Content-Encoding"), len(response.read())


def test_bootstrap_and_plotly_are_served_compressed(app_url):
    for path in (
        "/assets/bootstrap.min.css",
        "/_dash-component-suites/plotly/package_data/plotly.min.js",
    ):
        _, plain_size = _fetch(app_url + path, "identity")
        encoding, size = _fetch(app_url + path, "gzip, deflate, br")  # what browsers send
        assert encoding in {"br", "gzip"}, path
        assert size < plain_size / 2, (path, size, plain_size)
