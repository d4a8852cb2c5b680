"""The page side of the offline field app: the session sync (CSRF, device registration,
revocation, idempotent replays, other users' items), the devices page and the service worker."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.test import Client

from naungan.community.models import Activity, SyncItem
from naungan.offline.models import Device
from naungan.offline.services import device_revoke
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db
URL = "/ppatbm/luring/kirim/"


def _post(client: Client, items: list[dict[str, Any]], device: str, **extra: Any) -> Any:
    body = {"device": {"id": device, "name": "Android · Chrome"}, "items": items}
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def _item(body: dict[str, Any], kind: str = "report", item_id: str | None = None) -> Any:
    return {"id": item_id or str(uuid.uuid4()), "type": kind, "body": body}


def test_session_sync_stores_the_queue_and_registers_the_device(
    personas: Any, field_report_body: Any, activity_body: Any
) -> None:
    activist = personas["activist_bpp"]
    device = str(uuid.uuid4())
    items = [_item(field_report_body), _item(activity_body, "activity")]
    response = _post(activist.client, items, device)
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["stored", "stored"]
    assert [r["id"] for r in results] == [i["id"] for i in items]
    report = Report.objects.get(public_id=results[0]["server_id"])
    assert report.channel == "activist"
    assert report.created_by == activist.user
    assert Activity.objects.count() == 1
    registered = Device.objects.get(public_id=device)
    assert registered.user == activist.user
    assert registered.name == "Android · Chrome"
    assert registered.last_sync_at is not None


def test_a_replayed_queue_stores_once(personas: Any, field_report_body: Any) -> None:
    activist = personas["activist_bpp"]
    device = str(uuid.uuid4())
    items = [_item(field_report_body)]
    first = _post(activist.client, items, device).json()["results"]
    # The answer was lost (the phone went offline): the page sends the same queue again.
    again = _post(activist.client, items, device).json()["results"]
    assert again[0]["status"] == "duplicate"
    assert again[0]["server_id"] == first[0]["server_id"]
    assert Report.objects.count() == 1
    queue = personas["intake_bpp"].api("get", "/api/v1/reports?channel=activist").json()
    assert queue["count"] == 1


def test_a_bad_item_is_answered_in_indonesian_and_the_good_one_stored(
    personas: Any, field_report_body: Any
) -> None:
    items = [
        _item({**field_report_body, "description": "pendek"}),
        _item(field_report_body),
    ]
    results = _post(personas["activist_bpp"].client, items, str(uuid.uuid4())).json()["results"]
    assert [r["status"] for r in results] == ["error", "stored"]
    assert results[0]["detail"][0]["loc"] == ["body", "description"]
    assert "karakter" in results[0]["detail"][0]["msg"]
    assert Report.objects.count() == 1


def test_the_sync_is_csrf_protected(personas: Any, field_report_body: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["activist_bpp"].user)
    device = str(uuid.uuid4())
    refused = _post(client, [_item(field_report_body)], device)
    assert refused.status_code == 403
    assert Report.objects.count() == 0
    hello = client.get(URL, {"device": device})
    assert hello.status_code == 200
    assert hello.json()["revoked"] is False
    token = hello.json()["csrf"]
    ok = _post(client, [_item(field_report_body)], device, HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 200, ok.content
    assert Report.objects.count() == 1


def test_a_revoked_device_is_refused_and_stores_nothing(
    personas: Any, field_report_body: Any
) -> None:
    activist = personas["activist_bpp"]
    device = str(uuid.uuid4())
    assert _post(activist.client, [], device).status_code == 200  # registered
    device_revoke(actor=personas["supervisor_bpp"].user, device=Device.objects.get())
    response = _post(activist.client, [_item(field_report_body)], device)
    assert response.status_code == 403
    assert response.json()["revoked"] is True
    assert "dicabut" in response.json()["detail"]
    assert Report.objects.count() == 0
    assert activist.client.get(URL, {"device": device}).json()["revoked"] is True


def test_an_item_of_another_user_is_refused(
    personas: Any, activist2: Any, field_report_body: Any
) -> None:
    first = personas["activist_bpp"]
    item = _item(field_report_body)
    _post(first.client, [item], str(uuid.uuid4()))
    # The same phone item sent by another activist (a shared phone), or naming another user.
    named = {**_item(field_report_body), "user": first.user.username}
    results = _post(activist2.client, [item, named], str(uuid.uuid4())).json()["results"]
    assert [r["status"] for r in results] == ["error", "error"]
    assert results[0]["detail"][0]["loc"] == ["id"]
    assert results[1]["detail"][0]["loc"] == ["user"]
    assert "pengguna lain" in results[0]["detail"][0]["msg"]
    assert Report.objects.count() == 1
    assert SyncItem.objects.filter(user=activist2.user).count() == 0


def test_another_users_device_is_never_taken_over(
    personas: Any, activist2: Any, field_report_body: Any
) -> None:
    device = str(uuid.uuid4())
    _post(personas["activist_bpp"].client, [], device)
    response = _post(activist2.client, [_item(field_report_body)], device)
    assert response.status_code == 404
    assert Report.objects.count() == 0
    assert Device.objects.get().user == personas["activist_bpp"].user


def test_only_activists_sync(personas: Any, field_report_body: Any) -> None:
    for who in ("supervisor_bpp", "intake_bpp", "caseworker_bpp"):
        response = _post(personas[who].client, [_item(field_report_body)], str(uuid.uuid4()))
        assert response.status_code == 404
    assert Report.objects.count() == 0
    assert Client().post(URL, "{}", content_type="application/json").status_code == 302


def test_malformed_bodies_name_the_field(personas: Any) -> None:
    client = personas["activist_bpp"].client
    assert client.post(URL, "nope", content_type="application/json").status_code == 400
    no_items = client.post(
        URL, json.dumps({"device": {"id": str(uuid.uuid4())}}), "application/json"
    )
    assert no_items.status_code == 422
    assert no_items.json()["loc"] == ["items"]
    bad_device = _post(client, [], "not-a-uuid")
    assert bad_device.status_code == 422
    assert bad_device.json()["loc"] == ["device", "id"]


def test_devices_page_and_revocation_by_owner_and_supervisor(personas: Any, activist2: Any) -> None:
    activist = personas["activist_bpp"]
    device = str(uuid.uuid4())
    _post(activist.client, [], device)
    page = activist.client.get("/ppatbm/perangkat/")
    assert page.status_code == 200
    assert "Android · Chrome" in page.content.decode()
    assert "Android · Chrome" not in activist2.client.get("/ppatbm/perangkat/").content.decode()
    revoke = f"/ppatbm/perangkat/{device}/cabut/"
    # Another activist of the same kelurahan and a supervisor of another area: 404.
    assert activist2.client.post(revoke).status_code == 404
    assert personas["supervisor_kalteng"].client.post(revoke).status_code == 404
    assert personas["caseworker_bpp"].client.get("/ppatbm/perangkat/").status_code == 404
    assert Device.objects.get().revoked_at is None
    sup = personas["supervisor_bpp"]
    assert "Android · Chrome" in sup.client.get("/ppatbm/perangkat/").content.decode()
    assert sup.client.post(revoke).status_code == 302
    revoked = Device.objects.get()
    assert revoked.revoked_at is not None
    assert revoked.revoked_by == sup.user
    assert "Dicabut" in activist.client.get("/ppatbm/perangkat/").content.decode()


def test_the_activist_revokes_their_own_device(personas: Any) -> None:
    activist = personas["activist_bpp"]
    device = str(uuid.uuid4())
    _post(activist.client, [], device)
    assert activist.client.post(f"/ppatbm/perangkat/{device}/cabut/").status_code == 302
    assert Device.objects.get().revoked_by == activist.user


def test_service_worker_names_the_shell_and_our_static_files(client: Client) -> None:
    response = client.get("/ppatbm/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    text = response.content.decode()
    config = json.loads(text.split("self.NAUNGAN_OFFLINE = ", 1)[1].split(";\n", 1)[0])
    assert config["scope"] == "/ppatbm/"
    assert "/ppatbm/lapor/" in config["shell"]
    assert all(url.startswith("/static/") for url in config["assets"])
    assert "importScripts(" in text
    # Never a page that holds a record: the activist's home (statuses) is not in the shell.
    assert "/ppatbm/" not in config["shell"]


def test_field_report_page_carries_the_offline_app(personas: Any) -> None:
    page = personas["activist_bpp"].client.get("/ppatbm/lapor/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-offline-form="report"' in html
    assert 'rel="manifest"' in html
    assert 'id="offline-config"' in html
    assert personas["activist_bpp"].user.username not in html.split('id="offline-config"')[1]
    assert personas["intake_bpp"].client.get("/ppatbm/lapor/").status_code == 404
    # Outside /ppatbm/ the offline app is not loaded.
    assert "offline-config" not in personas["activist_bpp"].client.get("/").content.decode()
