from __future__ import annotations

import uuid
from typing import Any

import pytest

from naungan.community.models import Activity, SyncItem
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


def _sync(persona: Any, items: list[dict[str, Any]]) -> Any:
    response = persona.api("post", "/api/v1/sync", {"items": items})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_good_items_are_stored_and_bad_ones_answered_in_order(
    personas: Any, activity_body: Any, field_report_body: Any
) -> None:
    ids = [str(uuid.uuid4()) for _ in range(4)]
    items = [
        {"id": ids[0], "type": "report", "body": field_report_body},
        {"id": ids[1], "type": "activity", "body": {**activity_body, "attendance": {"women": -2}}},
        {"id": ids[2], "type": "activity", "body": activity_body},
        {"id": ids[3], "type": "report", "body": {**field_report_body, "description": "pendek"}},
    ]
    results = _sync(personas["activist_bpp"], items)
    assert [r["id"] for r in results] == ids
    assert [r["status"] for r in results] == ["stored", "error", "stored", "error"]
    assert "women" in str(results[1]["detail"])
    assert "description" in str(results[3]["detail"])
    report = Report.objects.get(public_id=results[0]["server_id"])
    assert report.channel == "activist"
    assert report.victim_consent is False
    assert report.created_by == personas["activist_bpp"].user
    assert Activity.objects.get().public_id == uuid.UUID(results[2]["server_id"])
    assert SyncItem.objects.count() == 2


def test_a_replayed_item_stores_nothing_new_and_answers_the_same_server_id(
    personas: Any, field_report_body: Any, activity_body: Any
) -> None:
    items = [
        {"id": str(uuid.uuid4()), "type": "report", "body": field_report_body},
        {"id": str(uuid.uuid4()), "type": "activity", "body": activity_body},
    ]
    first = _sync(personas["activist_bpp"], items)
    again = _sync(personas["activist_bpp"], items)
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert [r["server_id"] for r in again] == [r["server_id"] for r in first]
    assert Report.objects.count() == 1
    assert Activity.objects.count() == 1
    # The report reached the intake queue once.
    queue = personas["intake_bpp"].api("get", "/api/v1/reports?channel=activist").json()
    assert queue["count"] == 1


def test_an_item_for_another_user_is_refused(
    personas: Any, activist2: Any, activity_body: Any
) -> None:
    theirs = str(uuid.uuid4())
    assert (
        _sync(activist2, [{"id": theirs, "type": "activity", "body": activity_body}])[0]["status"]
        == "stored"
    )
    results = _sync(
        personas["activist_bpp"],
        [
            {
                "id": str(uuid.uuid4()),
                "type": "activity",
                "user": "activist2_bpp",
                "body": activity_body,
            },
            {"id": theirs, "type": "activity", "body": activity_body},
        ],
    )
    assert [r["status"] for r in results] == ["error", "error"]
    assert "user" in str(results[0]["detail"])
    assert "id" in str(results[1]["detail"])
    assert Activity.objects.count() == 1


def test_malformed_items_are_errors(personas: Any, activity_body: Any) -> None:
    results = _sync(
        personas["activist_bpp"],
        [
            {"id": "not-a-uuid", "type": "activity", "body": activity_body},
            {"id": str(uuid.uuid4()), "type": "photo", "body": {}},
            {
                "id": str(uuid.uuid4()),
                "type": "activity",
                "body": {**activity_body, "area_code": "62.71.01.1001"},
            },
            "nonsense",
        ],
    )
    assert [r["status"] for r in results] == ["error"] * 4
    assert "area_code" in str(results[2]["detail"])
    assert not Activity.objects.exists()


def test_concurrent_replay_stores_once(personas: Any, activity_body: Any, monkeypatch: Any) -> None:
    """The second of two concurrent replays passes the "seen before?" look-up (the first has not
    committed yet), stores, and then meets the unique constraint: it rolls back and answers
    the first one's server_id."""
    from naungan.community.services import sync as sync_service

    item = {"id": str(uuid.uuid4()), "type": "activity", "body": activity_body}
    first = _sync(personas["activist_bpp"], [item])[0]
    monkeypatch.setattr(sync_service, "_already", _seen_only_after_the_race(sync_service._already))
    second = _sync(personas["activist_bpp"], [item])[0]
    assert second["status"] == "duplicate"
    assert second["server_id"] == first["server_id"]
    assert Activity.objects.count() == 1


def _seen_only_after_the_race(real: Any) -> Any:
    calls = {"n": 0}

    def fake(actor: Any, client_id: Any) -> Any:
        calls["n"] += 1
        return None if calls["n"] == 1 else real(actor, client_id)

    return fake


def test_only_activists_sync(personas: Any) -> None:
    assert personas["intake_bpp"].api("post", "/api/v1/sync", {"items": []}).status_code == 404
