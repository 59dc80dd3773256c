"""Assets and callback responses are served compressed (flask-compress), for slow networks."""

from __future__ import annotations

import urllib.request


def _fetch(url: str) -> tuple[str | None, int]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Content-Encoding"), len(response.read())


def test_bootstrap_and_plotly_are_served_compressed(app_url):
    for path, plain_size in (
        ("/assets/bootstrap.min.css", 200_000),
        ("/_dash-component-suites/plotly/package_data/plotly.min.js", 3_000_000),
    ):
        encoding, size = _fetch(app_url + path)
        assert encoding in {"br", "gzip"}, path
        assert size < plain_size / 3, (path, size)
