"""Activity edits from the phone with a version check: applied once, and when the activity
changed on the server meanwhile, both versions come back and nothing is overwritten."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from naungan.community.models import Activity
from naungan.community.schemas.activities import ActivityIn
from naungan.community.services import activity_create
from naungan.offline import edits

pytestmark = pytest.mark.django_db
URL = "/ppatbm/luring/kirim/"


def _activity(persona: Any, body: dict[str, Any]) -> Activity:
    data, values = ActivityIn.model_validate(body).cleaned
    return activity_create(actor=persona.user, data=data, values=values)


def _edit(client: Any, activity: Activity, body: dict[str, Any], version: str, item: str) -> Any:
    payload = {
        "device": {"id": str(uuid.uuid4()), "name": "Ponsel"},
        "items": [
            {
                "id": item,
                "type": "activity_edit",
                "activity": str(activity.public_id),
                "base_version": version,
                "body": body,
            }
        ],
    }
    response = client.post(URL, json.dumps(payload), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["results"][0]


def test_an_edit_is_applied_once(personas: Any, activity_body: Any) -> None:
    activist = personas["activist_bpp"]
    activity = _activity(activist, activity_body)
    version = edits.activity_version(activity)
    changed = {**activity_body, "topic": "Pengasuhan positif di RT 5"}
    item = str(uuid.uuid4())
    first = _edit(activist.client, activity, changed, version, item)
    assert first["status"] == "stored"
    activity.refresh_from_db()
    assert activity.topic == "Pengasuhan positif di RT 5"
    # The same edit again (the answer was lost): not a conflict with itself, nothing new.
    again = _edit(activist.client, activity, changed, version, item)
    assert again["status"] == "duplicate"
    assert again["server_id"] == first["server_id"]


def test_an_edit_of_a_changed_activity_shows_both_versions_and_overwrites_nothing(
    personas: Any, activity_body: Any
) -> None:
    activist = personas["activist_bpp"]
    activity = _activity(activist, activity_body)
    old_version = edits.activity_version(activity)
    # Meanwhile, on the server (another of the activist's devices):
    _edit(activist.client, activity, {**activity_body, "topic": "Versi server"}, old_version,
          str(uuid.uuid4()))  # fmt: skip
    mine = {**activity_body, "topic": "Versi ponsel"}
    result = _edit(activist.client, activity, mine, old_version, str(uuid.uuid4()))
    assert result["status"] == "conflict"
    assert result["detail"]["server"]["topic"] == "Versi server"
    activity.refresh_from_db()
    assert activity.topic == "Versi server"
    # The activist chooses their version: sent again based on the server's version.
    chosen = _edit(
        activist.client, activity, mine, result["detail"]["server_version"], str(uuid.uuid4())
    )
    assert chosen["status"] == "stored"
    activity.refresh_from_db()
    assert activity.topic == "Versi ponsel"


def test_an_edit_of_another_activists_activity_is_refused(
    personas: Any, activist2: Any, activity_body: Any
) -> None:
    activity = _activity(personas["activist_bpp"], activity_body)
    version = edits.activity_version(activity)
    result = _edit(activist2.client, activity, {**activity_body, "topic": "X"}, version,
                   str(uuid.uuid4()))  # fmt: skip
    assert result["status"] == "error"
    assert result["detail"][0]["loc"] == ["activity"]
    activity.refresh_from_db()
    assert activity.topic == activity_body["topic"]
    page = activist2.client.get(f"/ppatbm/kegiatan/{activity.public_id}/ubah/")
    assert page.status_code == 404


def test_the_edit_page_without_javascript_shows_the_conflict(
    personas: Any, activity_body: Any
) -> None:
    activist = personas["activist_bpp"]
    activity = _activity(activist, activity_body)
    url = f"/ppatbm/kegiatan/{activity.public_id}/ubah/"
    page = activist.client.get(url)
    assert page.status_code == 200
    assert 'data-offline-form="activity_edit"' in page.content.decode()
    old_version = edits.activity_version(activity)
    Activity.objects.filter(pk=activity.pk).update(topic="Diubah di server")
    Activity.objects.get(pk=activity.pk).save()  # a new version
    form = {
        "base_version": old_version,
        "kind": activity_body["kind"],
        "held_on": activity_body["held_on"],
        "area_code": activity_body["area_code"],
        "topic": "Versi saya",
        "women": "1", "men": "0", "girls": "0", "boys": "0",
    }  # fmt: skip
    answer = activist.client.post(url, form)
    assert answer.status_code == 422
    html = answer.content.decode()
    assert 'data-testid="activity-conflict"' in html
    assert "Diubah di server" in html
    assert Activity.objects.get(pk=activity.pk).topic == "Diubah di server"
