from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from naungan.community.models import Activity
from naungan.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _fields(response: Any) -> set[str]:
    return {
        ".".join(str(p) for p in e["loc"] if p not in ("body", "payload"))
        for e in response.json()["detail"]
    }


def test_activist_records_an_activity_of_their_kelurahan(personas: Any, activity_body: Any) -> None:
    response = personas["activist_bpp"].api("post", "/api/v1/activities", activity_body)
    assert response.status_code == 201, response.content
    activity = Activity.objects.get(public_id=response.json()["id"])
    assert activity.area.code == activity_body["area_code"]
    assert activity.attendance == {"women": 12, "men": 4, "girls": 3, "boys": 2}
    assert activity.group is not None
    assert activity.group.slug == "t-ppatbm-bpp"
    assert activity.rt == "005"
    assert AuditEvent.objects.filter(object_id=str(activity.public_id), action="create").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"attendance": {"women": -1, "men": 0, "girls": 0, "boys": 0}}, "attendance.women"),
        ({"held_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat()}, "held_on"),
        ({"kind": "karaoke"}, "kind"),
        (
            {"attendance": {"women": 1, "men": 1, "girls": 0, "boys": 0, "total": 5}},
            "attendance.total",
        ),
        ({"rt": "abc"}, "rt"),
        ({"topic": " "}, "topic"),
    ],
)
def test_bad_activity_is_422_naming_the_field_and_stores_nothing(
    personas: Any, activity_body: Any, change: dict[str, Any], field: str
) -> None:
    response = personas["activist_bpp"].api(
        "post", "/api/v1/activities", {**activity_body, **change}
    )
    assert response.status_code == 422, response.content
    assert field in _fields(response)
    assert not Activity.objects.exists()


@pytest.mark.parametrize("code", ["64.71.01.1002", "62.71.01.1001", "64.71.01", "99.99.99.9999"])
def test_kelurahan_outside_the_activists_scope_is_404(
    personas: Any, activity_body: Any, code: str
) -> None:
    response = personas["activist_bpp"].api(
        "post", "/api/v1/activities", {**activity_body, "area_code": code}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    "role", ["intake", "caseworker", "supervisor", "provider", "analyst", "admin"]
)
def test_only_activists_record_activities(personas: Any, activity_body: Any, role: str) -> None:
    response = personas[f"{role}_bpp"].api("post", "/api/v1/activities", activity_body)
    assert response.status_code == 404


def test_monthly_summary_counts_the_area_and_month(personas: Any, activity_body: Any) -> None:
    activist = personas["activist_bpp"]
    held = timezone.localdate().replace(day=1)
    for women in (10, 5):
        body = {
            **activity_body,
            "held_on": held.isoformat(),
            "attendance": {"women": women, "men": 1, "girls": 2, "boys": 3},
        }
        assert activist.api("post", "/api/v1/activities", body).status_code == 201
    month = f"{held:%Y-%m}"
    expected = {
        "area": "64.71.01",
        "month": month,
        "activities": 2,
        "attendance": {"women": 15, "men": 2, "girls": 4, "boys": 6},
    }
    for reader in ("supervisor_bpp", "analyst_bpp"):
        response = personas[reader].api(
            "get", f"/api/v1/activities/summary?area=64.71.01&month={month}"
        )
        assert response.status_code == 200, response.content
        assert response.json() == expected
    own = activist.api(
        "get", f"/api/v1/activities/summary?area={activity_body['area_code']}&month={month}"
    )
    assert own.json()["activities"] == 2
    other_month = activist.api(
        "get", f"/api/v1/activities/summary?area={activity_body['area_code']}&month=2020-01"
    )
    assert other_month.json()["activities"] == 0


def test_summary_outside_scope_is_404_and_bad_month_422(personas: Any) -> None:
    assert (
        personas["activist_bpp"]
        .api("get", "/api/v1/activities/summary?area=64.71.01&month=2026-01")
        .status_code
        == 404
    )
    assert (
        personas["supervisor_kalteng"]
        .api("get", "/api/v1/activities/summary?area=64.71&month=2026-01")
        .status_code
        == 404
    )
    assert (
        personas["intake_bpp"]
        .api("get", "/api/v1/activities/summary?area=64.71&month=2026-01")
        .status_code
        == 404
    )
    bad = personas["supervisor_bpp"].api(
        "get", "/api/v1/activities/summary?area=64.71&month=2026-13"
    )
    assert bad.status_code == 422
    assert "month" in str(bad.json())
