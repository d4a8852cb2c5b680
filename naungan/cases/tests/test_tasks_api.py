"""A case's tasks and the user's notices over the API: the answers the output schemas render
from the records (public ids, usernames), never primary keys of cases or tasks."""

from __future__ import annotations

from naungan.cases.models import Notification, NotificationKind, Task


def test_task_list_shows_each_task_by_public_id_with_its_owner_and_rule(personas, bpp_case):
    task = Task.objects.get(case=bpp_case)
    r = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{bpp_case.public_id}/tasks")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert set(item) == {
        "id",
        "kind",
        "title",
        "due_at",
        "status",
        "statutory",
        "overdue",
        "owner",
        "source_rule",
        "waived_reason",
    }
    assert item["id"] == str(task.public_id)
    assert item["owner"] == (task.owner.username if task.owner else None)
    assert (item["kind"], item["status"], item["statutory"]) == ("police_report", "open", True)


def test_completed_task_answers_with_the_same_shape(personas, bpp_case):
    task = Task.objects.get(case=bpp_case)
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/tasks/{task.public_id}/complete"
    )
    assert r.status_code == 200
    assert (r.json()["id"], r.json()["status"]) == (str(task.public_id), "done")


def test_notice_names_its_case_by_public_id(personas, bpp_case):
    user = personas["caseworker_bpp"].user
    notice = Notification.objects.create(
        user=user, case=bpp_case, kind=NotificationKind.TASK_OVERDUE, message="Tugas terlambat"
    )
    r = personas["caseworker_bpp"].api("get", "/api/v1/notifications")
    assert r.status_code == 200
    item = next(i for i in r.json()["items"] if i["id"] == notice.pk)
    assert item["case"] == str(bpp_case.public_id)
    assert item["read_at"] is None
    r = personas["caseworker_bpp"].api("post", f"/api/v1/notifications/{notice.pk}/read")
    assert r.status_code == 200
    assert r.json()["case"] == str(bpp_case.public_id)
    assert r.json()["read_at"] is not None
