"""Assets and callback responses are served compressed (flask-compress), for slow networks."""

from __future__ import annotations

HOST = {"Host": "127.0.0.1"}


def test_bootstrap_and_plotly_are_served_compressed(internal_app, users, login):
    client = login(internal_app, *users["lector"])  # Dash's bundles are for logged-in users
    for path in (
        "/assets/bootstrap.min.css",
        "/_dash-component-suites/plotly/package_data/plotly.min.js",
    ):
        plain = client.get(path, headers={**HOST, "Accept-Encoding": "identity"})
        packed = client.get(path, headers={**HOST, "Accept-Encoding": "gzip, deflate, br"})
        assert plain.status_code == packed.status_code == 200, path
        assert packed.headers.get("Content-Encoding") in {"br", "gzip"}, path
        assert len(packed.data) < len(plain.data) / 2, (path, len(packed.data), len(plain.data))


def test_dash_bundles_need_a_login(internal_app):
    anonymous = internal_app.server.test_client()
    response = anonymous.get(
        "/_dash-component-suites/plotly/package_data/plotly.min.js", headers=HOST
    )
    assert response.status_code == 401
