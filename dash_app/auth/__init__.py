"""Access control: login, roles checked on the server for every route, page and callback.

install(app) wires everything on the Flask server of an internal app; install_public(app) the
much smaller set of a public deployment (no login, only public callbacks). The roles every page
and callback needs are declared in one place, dash_app/auth/registry.py.
"""

from dash_app.auth.setup import install, install_public

__all__ = ["install", "install_public"]
