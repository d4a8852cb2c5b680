"""The intervention plan and monitoring over the API."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

WITA = ZoneInfo("Asia/Makassar")


def test_api_plan_lifecycle_and_author_gets_409(personas, bpp_case):
    sup = personas["supervisor_bpp"]
    base = f"/api/v1/cases/{bpp_case.public_id}/plans"
    body = {
        "goals": "Korban aman",
        "actions": [
            {"description": "Visum", "responsible_org": "t-posbakum-bpp", "due_on": "2026-12-01"}
        ],
    }
    r = sup.api("post", base, body)
    assert r.status_code == 201, r.content
    plan_id = r.json()["id"]
    assert sup.api("post", f"{base}/{plan_id}/submit").status_code == 200
    r = sup.api("post", f"{base}/{plan_id}/decision", {"approve": True})
    assert r.status_code == 409
    assert "bukan penyusunnya" in r.json()["detail"]
    cw = personas["caseworker_bpp"]
    assert cw.api("post", f"{base}/{plan_id}/decision", {"approve": True}).status_code == 403
    listing = cw.api("get", base).json()
    assert listing["count"] == 1
    assert listing["items"][0]["status"] == "submitted"
    assert listing["items"][0]["actions"][0]["responsible_org"] == "t-posbakum-bpp"


def test_api_another_supervisor_approves(personas, bpp_case, make_user):
    cw = personas["caseworker_bpp"]
    base = f"/api/v1/cases/{bpp_case.public_id}/plans"
    r = cw.api(
        "post", base, {"goals": "G", "actions": [{"description": "A", "due_on": "2026-12-01"}]}
    )
    plan_id = r.json()["id"]
    cw.api("post", f"{base}/{plan_id}/submit")
    r = personas["supervisor_bpp"].api(
        "post", f"{base}/{plan_id}/decision", {"approve": False, "reason": ""}
    )
    assert r.status_code == 422
    r = personas["supervisor_bpp"].api("post", f"{base}/{plan_id}/decision", {"approve": True})
    assert r.status_code == 200
    out = r.json()
    assert out["status"] == "approved"
    assert out["current"] is True
    assert out["actions"][0]["task"]


def test_api_monitoring_round_trip(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    base = f"/api/v1/cases/{bpp_case.public_id}/monitoring"
    today = timezone.localdate(timezone=WITA)
    r = cw.api("post", base, {"reviewed_on": today.isoformat(), "summary": "Stabil"})
    assert r.status_code == 201, r.content
    assert r.json()["next_review_on"] == (today + timedelta(days=30)).isoformat()
    listing = personas["supervisor_bpp"].api("get", base).json()
    assert listing["count"] == 1
    assert listing["items"][0]["summary"] == "Stabil"
