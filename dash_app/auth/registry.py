"""The one registry of who may see each page and fire each callback (deny unless listed).

Pages are keyed by path. Callbacks are keyed by the outputs they write, because Dash picks the
callback to run from the request's `output` and passes inputs by position: ids, labels or values
in the inputs decide nothing. tests/access/test_authorization.py walks app.callback_map and fails
on any server callback missing here; the public deployment has its own, smaller tables.
"""

from __future__ import annotations

import json

from dash_app import ids
from warehouse.users import ROLES

ANONYMOUS = "anonimo"
INTERNAL = frozenset(ROLES)  # every logged-in role sees the internal views
ROWS = frozenset({"admin", "analista"})  # row-level downloads (lector and editor: no)
EVERYONE = frozenset({ANONYMOUS, *ROLES})
DELIVERY = frozenset({"admin", "editor"})  # the entity portal: entities deliver, admin reviews
ADMIN = frozenset({"admin"})

# Internal app: path → roles that may see the page.
PAGES: dict[str, frozenset[str]] = {
    "/": INTERNAL,
    "/indicadores": INTERNAL,
    "/territorio": INTERNAL,
    "/plan-de-accion": INTERNAL,
    "/gobernanza": INTERNAL,
    "/barreras": INTERNAL,
    "/entidades": INTERNAL,
    "/catalogo": INTERNAL,
    "/calidad": INTERNAL,
    "/publico": INTERNAL,
    "/404": INTERNAL,
    "/entregar": DELIVERY,
    "/auditoria": ADMIN,
    "/sesiones": ADMIN,  # committee sessions: agenda, live attendance, quorum
    "/sesion": INTERNAL,  # a session's slide (presenters walk the agenda)
}

# Public deployment: the only pages it registers (anyone, no login).
PUBLIC_PAGES: dict[str, frozenset[str]] = {"/publico": EVERYONE, "/404": EVERYONE}

SHELL_OUTPUTS = (
    f"{ids.URL}.search",
    *(f"{control}.value" for control in (ids.PERIOD_PICK, ids.FROM, ids.TO)),
    *(f"{control}.value" for control in (ids.LOCALITY, ids.ENTITY, ids.UTA, ids.VALIDATED)),
    f"{ids.NOTICE}.children",
    f"{ids.SHELL}.className",
    json.dumps({"index": ["ALL"], "type": ids.NAV_LINK}, separators=(",", ":")) + ".href",
    f"{ids.FILTER_COLLAPSE}.is_open",
)

# Callbacks are declared by the outputs they write (Dash routes a request to a callback by its
# `output`, so that is what must be authorised; ids or values in the inputs decide nothing).
# A callback writing several outputs needs a role allowed for every one of them.
CALLBACKS: dict[str, frozenset[str]] = {
    # Dash's page router: renders a page's layout, which checks its page's roles itself.
    "_pages_content.children": INTERNAL,
    "_pages_store.data": INTERNAL,
    # Shell: filters <-> URL, nav links, filter panel; every page's own URL sync.
    **dict.fromkeys(SHELL_OUTPUTS, INTERNAL),
    # Downloads of rows (values per locality, month, sex, age; deliveries with file names).
    "ind-download.data": ROWS,
    "plan-download.data": ROWS,
    "cat-download.data": INTERNAL,  # the indicator catalogue: definitions, no data rows
    "cal-download.data": ROWS,
    "pub-download.data": INTERNAL,
    "bar-download.data": INTERNAL,  # barrier texts as shown on the page: no figures or persons
    # Entity portal (/entregar): an editor acts for their own entity only, which the server
    # takes from the session (warehouse/delivery.py); reviews are the admin's.
    **dict.fromkeys(
        (
            "ent-templates.children",
            "ent-template-download.data",
            "ent-upload-result.children",
            "ent-report-download.data",
            "ent-history.children",
            "ent-build.children",
            "ent-tick.disabled",
        ),
        DELIVERY,
    ),
    "ent-review-delivery.options": ADMIN,
    "ent-review-result.children": ADMIN,
    # Audit log (/auditoria): read-only, admin only.
    "aud-table.children": ADMIN,
    "aud-download.data": ADMIN,
    # Committee sessions (/sesiones): create, pick, mark attendance — the secretariat's.
    **dict.fromkeys(
        (
            "ses-create-result.children",
            "ses-pick.options",
            "ses-pick.value",
            "ses-detail.children",
            "ses-quorum.children",
            "ses-report-download.data",
            "ses-report-note.children",
            "ses-agenda-note.children",
        ),
        ADMIN,
    ),
}

# Public deployment: what its shell and the public page write; nothing else is registered there.
PUBLIC_CALLBACKS: dict[str, frozenset[str]] = {
    "_pages_content.children": EVERYONE,
    "_pages_store.data": EVERYONE,
    **dict.fromkeys(SHELL_OUTPUTS, EVERYONE),
    "pub-download.data": EVERYONE,
}


def outputs_of(callback_key: str) -> list[str]:
    """'..a.b...c.d..' / 'a.b@hash' (Dash's callback_map keys) → ['a.b', 'c.d']."""
    key = callback_key
    parts = key[2:-2].split("...") if key.startswith("..") and key.endswith("..") else [key]
    return [part.split("@", 1)[0] for part in parts]


def page_roles(path: str, public: bool) -> frozenset[str] | None:
    return (PUBLIC_PAGES if public else PAGES).get(path)


def callback_roles(callback_key: str, public: bool) -> frozenset[str] | None:
    """Roles allowed for every output the callback writes; None if any output is undeclared."""
    table = PUBLIC_CALLBACKS if public else CALLBACKS
    roles: frozenset[str] | None = None
    for output in outputs_of(callback_key):
        allowed = table.get(output)
        if allowed is None:
            return None
        roles = allowed if roles is None else roles & allowed
    return roles
