"""/entregar and /auditoria through the server, as the browser's callbacks reach it (Flask test
client logged in through the real form), and as crafted requests."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import text

from .conftest import indicator_csv

HOST = {"Host": "127.0.0.1"}
UPLOAD = "ent-upload-result.children"


def upload_payload(files: dict[str, bytes], entity: str | None) -> dict:
    contents = [
        "data:text/csv;base64," + base64.b64encode(data).decode() for data in files.values()
    ]
    return {
        "output": UPLOAD,
        "outputs": {"id": "ent-upload-result", "property": "children"},
        "inputs": [{"id": "ent-upload", "property": "contents", "value": contents}],
        "state": [
            {"id": "ent-upload", "property": "filename", "value": list(files)},
            {"id": "ent-entity", "property": "value", "value": entity},
        ],
        "changedPropIds": ["ent-upload.contents"],
    }


@pytest.fixture(scope="module")
def app(internal_app):
    internal_app.server.test_client().get("/login", headers=HOST)
    return internal_app


@pytest.fixture(scope="module")
def editor(app, users, portal_login):
    return portal_login(app, *users["editor"])


@pytest.fixture(scope="module")
def admin(app, users, portal_login):
    return portal_login(app, *users["admin"])


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def deliveries(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("select max(delivery_id) from intake.deliveries")).scalar()


def test_crafted_upload_of_another_entitys_file_is_refused(app, editor, built_warehouse, checksum):
    before, last = checksum(built_warehouse), deliveries(built_warehouse)
    # the editor (SDMUJER) names SDP as the entity and sends SDP's file: refused
    payload = upload_payload({"sdp.csv": indicator_csv("SDP", "2025-04", 9)}, "SDP")
    response = editor.post("/_dash-update-component", json=payload, headers=HOST)
    assert response.status_code == 200
    body = text_of(response)
    assert "usted entrega por SDMUJER" in body and "No se cargó nada" in body
    assert checksum(built_warehouse) == before
    with built_warehouse.connect() as conn:
        rows = conn.execute(
            text("select status, entity_code from intake.deliveries where delivery_id > :d"),
            {"d": last},
        ).all()
    assert [tuple(r) for r in rows] == [("rechazado", "SDMUJER")]


def test_editor_upload_is_accepted_for_their_entity(app, editor, built_warehouse, users):
    payload = upload_payload({"mujer.csv": indicator_csv("SDMUJER", "2025-05", 12)}, "SDP")
    response = editor.post("/_dash-update-component", json=payload, headers=HOST)
    body = text_of(response)
    assert response.status_code == 200 and "aceptado para SDMUJER" in body, body[:600]
    with built_warehouse.connect() as conn:
        event = conn.execute(
            text(
                "select email, event from auth.events where event = 'entrega' "
                "order by event_id desc limit 1"
            )
        ).one()
    assert tuple(event) == (users["editor"][0], "entrega")


def test_large_bodies_only_for_uploads_by_roles_that_upload(app, editor, users, portal_login):
    big = {"grande.csv": indicator_csv("SDMUJER", "2025-06", 1) + b"#" * (700 * 1024)}
    lector = portal_login(app, *users["lector"])
    response = lector.post("/_dash-update-component", json=upload_payload(big, None), headers=HOST)
    assert response.status_code == 413
    router = {
        "output": ".._pages_content.children..._pages_store.data..",
        "inputs": [],
        "state": [{"id": "x", "property": "data", "value": "a" * (700 * 1024)}],
    }
    response = editor.post("/_dash-update-component", json=router, headers=HOST)
    assert response.status_code == 413
    response = editor.post("/_dash-update-component", json=upload_payload(big, None), headers=HOST)
    assert response.status_code == 200  # read and checked (this one is rejected by the loader)


def test_audit_page_is_admins_and_lists_the_steps(app, admin, editor, users):
    assert editor.get("/auditoria", headers=HOST).status_code == 403
    payload = {
        "output": "aud-table.children",
        "outputs": {"id": "aud-table", "property": "children"},
        "inputs": [
            {"id": "aud-email", "property": "value", "value": users["editor"][0]},
            {"id": "aud-event", "property": "value", "value": ""},
            {"id": "aud-from", "property": "value", "value": None},
            {"id": "aud-to", "property": "value", "value": None},
        ],
        "state": [],
        "changedPropIds": ["aud-email.value"],
    }
    assert editor.post("/_dash-update-component", json=payload, headers=HOST).status_code == 403
    response = admin.post("/_dash-update-component", json=payload, headers=HOST)
    body = text_of(response)
    assert response.status_code == 200
    assert "entrega rehusada (otra entidad)" in body and "ingreso" in body


def test_page_downloads_are_audited_and_state_their_review(app, admin, users, built_warehouse):
    """A page's export (here the catalogue's CSV) writes «descarga» with who, which file and the
    filters; the file says what review state its figures come from."""
    from warehouse import audit

    def download(prefix: str, search: str) -> tuple[str, str]:
        payload = {
            "output": f"{prefix}-download.data",
            "outputs": {"id": f"{prefix}-download", "property": "data"},
            "inputs": [
                {"id": f"{prefix}-csv", "property": "n_clicks", "value": 1},
                {"id": f"{prefix}-xlsx", "property": "n_clicks", "value": None},
            ],
            "state": [
                {"id": "url", "property": "search", "value": search},
                {"id": f"{prefix}-table", "property": "virtualRowData", "value": None},
            ],
            "changedPropIds": [f"{prefix}-csv.n_clicks"],
        }
        response = admin.post("/_dash-update-component", json=payload, headers=HOST)
        assert response.status_code == 200, response.data[:300]
        data = response.get_json()["response"][f"{prefix}-download"]["data"]
        latest = audit.events(built_warehouse, email=users["admin"][0], event="descarga").iloc[0]
        return base64.b64decode(data["content"]).decode("utf-8-sig"), latest

    content, latest = download("cat", "?desde=2024-01&hasta=2024-05")
    assert "# Revisión: Entregas aceptadas, validadas o aún sin revisar" in content
    assert latest["detail"].startswith("catalogo.csv")
    search = "?desde=2024-01&hasta=2024-05&entidad=SDG&validados=1&indicador=UTA1_SISBEN"
    content, latest = download("ind", search)
    assert "# Revisión: Solo entregas validadas" in content
    assert "Entidad:" in latest["detail"] and "Solo entregas validadas" in latest["detail"]
    assert latest["client_address"] == "127.0.0.1"
