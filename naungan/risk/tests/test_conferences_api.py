"""POST /api/v1/cases/{id}/conferences (CONTRACT §4) feeds the repeat rule; safety plans by API
are versioned with a review task."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from naungan.cases.tests.factories import INCIDENT

NOT_FOUND = {"detail": "Not Found"}


def test_conference_then_incident_makes_a_repeat_referral(bpp_case, personas, orgs):
    cw = personas["caseworker_bpp"]
    r = cw.api(
        "POST",
        f"/api/v1/cases/{bpp_case.public_id}/conferences",
        {"held_on": "2025-07-01", "agencies": ["t-posbakum-bpp"], "outcome": "Rumah aman",
         "actions": [{"description": "Ajukan perintah perlindungan", "due_on": "2030-01-01",
                      "owner": "caseworker_bpp"}]},
    )  # fmt: skip
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["held_on"] == "2025-07-01"
    assert body["agencies"] == ["t-posbakum-bpp"]
    assert body["actions"][0]["owner"] == "caseworker_bpp"
    assert bpp_case.tasks.filter(kind="conference_action").count() == 1
    incident = INCIDENT | {"occurred_on": "2026-07-01", "perpetrator_relationship": "stranger"}
    r = cw.api("POST", f"/api/v1/cases/{bpp_case.public_id}/incidents", incident)
    assert r.status_code == 201, r.content
    r = cw.api(
        "POST",
        f"/api/v1/cases/{bpp_case.public_id}/risk-assessments",
        {"instrument": "dash", "answers": {"q1": "yes"}},
    )
    assert r.json()["referral_reasons"] == ["repeat"]
    assert r.json()["referral_required"] is True
    listed = personas["intake_bpp"].api("GET", f"/api/v1/cases/{bpp_case.public_id}/conferences")
    assert listed.json()["count"] == 1


def test_conference_bad_input_is_422(bpp_case, personas):
    cw = personas["caseworker_bpp"]
    url = f"/api/v1/cases/{bpp_case.public_id}/conferences"
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    for body, field in (
        ({}, "held_on"),
        ({"held_on": "kemarin"}, "held_on"),
        ({"held_on": future}, "held_on"),
        ({"held_on": "2025-07-01", "agencies": ["tidak-ada"]}, "agencies"),
    ):
        r = cw.api("POST", url, body)
        assert r.status_code == 422, (body, r.content)
        assert r.json()["detail"][0]["loc"] == ["body", field]
    assert not bpp_case.risk_conferences.exists()


def test_conference_outside_scope_is_404(bpp_case, personas):
    r = personas["supervisor_kalteng"].api(
        "POST", f"/api/v1/cases/{bpp_case.public_id}/conferences", {"held_on": "2025-07-01"}
    )
    assert (r.status_code, r.json()) == (404, NOT_FOUND)


def test_safety_plan_api_versions(bpp_case, personas):
    cw = personas["caseworker_bpp"]
    url = f"/api/v1/cases/{bpp_case.public_id}/safety-plans"
    review = (timezone.localdate() + timedelta(days=10)).isoformat()
    assert cw.api("POST", url, {"review_on": review, "code_word": "A"}).json()["number"] == 1
    assert cw.api("POST", url, {"review_on": review, "code_word": "B"}).json()["number"] == 2
    assert cw.api("POST", url, {"code_word": "C"}).status_code == 422
    items = personas["intake_bpp"].api("GET", url).json()["items"]
    assert [(i["number"], i["code_word"]) for i in items] == [(2, "B"), (1, "A")]
    assert bpp_case.tasks.filter(kind="safety_plan_review", status="open").count() == 1
