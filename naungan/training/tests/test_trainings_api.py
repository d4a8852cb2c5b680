"""The trainings and competencies API: recording, bad input (422 naming the field, nothing
stored), results, certificates, the check of a guarded action (403 naming the competency)."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.orgs.models import Organisation
from naungan.training.models import CompetencyRequirement, Participant, Training

pytestmark = pytest.mark.django_db

BODY = {
    "title": "Penanganan korban TPPO",
    "organiser": "t-dinas-bpp",
    "starts_on": "2026-04-06",
    "ends_on": "2026-04-07",
    "place": "Aula DP3AKB",
    "resource_organisations": ["t-posbakum-bpp"],
    "resource_persons": "LPSK\nDensus 88",
    "pass_mark": 70,
    "competencies": [{"competency": "tppo_victim_handling", "validity_months": 12}],
    "participants": ["caseworker_bpp", "activist_bpp"],
}


def _fields(response: Any) -> set[str]:
    return {d["loc"][-1] for d in response.json()["detail"]}


def test_a_supervisor_records_a_training_then_its_results_and_prints_a_certificate(
    personas: Any,
) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.api("POST", "/api/v1/trainings", BODY)
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["organiser"] == "t-dinas-bpp"
    assert body["resource_organisations"] == ["t-posbakum-bpp"]
    ids = {p["username"]: p["id"] for p in body["participants"]}
    r = sup.api(
        "POST",
        f"/api/v1/trainings/{body['id']}/results",
        {
            "results": [
                {
                    "participant": ids["caseworker_bpp"],
                    "attended": True,
                    "pre_score": 40,
                    "post_score": 95,
                },
                {"participant": ids["activist_bpp"], "attended": False},
            ]
        },
    )
    assert r.status_code == 200, r.json()
    passed = {p["username"]: p["passed"] for p in r.json()["participants"]}
    assert passed == {"caseworker_bpp": True, "activist_bpp": False}

    cw = personas["caseworker_bpp"]
    mine = cw.api("GET", "/api/v1/competencies/mine").json()
    assert [(g["competency"], g["expires_on"]) for g in mine["items"]] == [
        ("tppo_victim_handling", "2027-04-07")
    ]
    pdf = cw.api(
        "GET", f"/api/v1/trainings/{body['id']}/participants/{ids['caseworker_bpp']}/certificate"
    )
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # The activist sees the training, only their own line, and has no certificate (409).
    act = personas["activist_bpp"]
    seen = act.api("GET", f"/api/v1/trainings/{body['id']}").json()
    assert [p["username"] for p in seen["participants"]] == ["activist_bpp"]
    r = act.api(
        "GET", f"/api/v1/trainings/{body['id']}/participants/{ids['activist_bpp']}/certificate"
    )
    assert r.status_code == 409
    # Nor the caseworker's certificate: 404 as a missing one.
    r = act.api(
        "GET", f"/api/v1/trainings/{body['id']}/participants/{ids['caseworker_bpp']}/certificate"
    )
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_on": "2026-04-01"}, "ends_on"),
        ({"participants": ["caseworker_bpp", "caseworker_kalteng"]}, "participants"),
        ({"pass_mark": 120}, "pass_mark"),
        ({"competencies": [{"competency": "juggling"}]}, "competencies"),
        ({"organiser": "t-dinas-kalteng"}, "organiser"),
    ],
)
def test_bad_training_input_is_refused_naming_the_field_and_nothing_is_stored(
    personas: Any, change: dict[str, Any], field: str
) -> None:
    r = personas["supervisor_bpp"].api("POST", "/api/v1/trainings", {**BODY, **change})
    assert r.status_code == 422, r.json()
    assert field in _fields(r)
    assert not Training.objects.exists()
    assert not Participant.objects.exists()


def test_scores_out_of_range_answer_422_and_store_nothing(personas: Any) -> None:
    sup = personas["supervisor_bpp"]
    body = sup.api("POST", "/api/v1/trainings", BODY).json()
    ids = {p["username"]: p["id"] for p in body["participants"]}
    r = sup.api(
        "POST",
        f"/api/v1/trainings/{body['id']}/results",
        {
            "results": [
                {"participant": ids["activist_bpp"], "attended": True, "post_score": 80},
                {"participant": ids["caseworker_bpp"], "attended": True, "post_score": 180},
            ]
        },
    )
    assert r.status_code == 422
    assert _fields(r) == {"post_score"}
    assert "antara 0 dan 100" in r.json()["detail"][0]["msg"]
    assert not Participant.objects.filter(attended=True).exists()


def test_the_check_of_a_guarded_action_names_the_missing_competency(personas: Any) -> None:
    CompetencyRequirement.objects.create(
        organisation=Organisation.objects.get(slug="t-uptd-bpp"),
        action="risk.dash_signoff",
        competency="kdrt_risk_assessment",
    )
    cw = personas["caseworker_bpp"]
    r = cw.api("GET", "/api/v1/competencies/check?action=risk.dash_signoff")
    assert r.status_code == 403
    body = r.json()
    assert "Pendampingan KDRT dan asesmen risiko" in body["detail"]
    assert body["competency"] == "kdrt_risk_assessment"
    assert body["action"] == "risk.dash_signoff"
    assert cw.api("GET", "/api/v1/competencies/check?action=x").status_code == 422
    # Another unit has no such requirement.
    ok = personas["caseworker_kalteng"].api(
        "GET", "/api/v1/competencies/check?action=risk.dash_signoff"
    )
    assert ok.json() == {"action": "risk.dash_signoff", "allowed": True}
    reqs = cw.api("GET", "/api/v1/competencies/requirements").json()
    assert [i["competency"] for i in reqs["items"]] == ["kdrt_risk_assessment"]


def test_an_expired_direct_record_answers_422_on_expires_on(personas: Any) -> None:
    r = personas["supervisor_bpp"].api(
        "POST",
        "/api/v1/competencies/grants",
        {
            "username": "activist_bpp",
            "competency": "regulations",
            "granted_on": "2020-01-01",
            "expires_on": "2021-01-01",
        },
    )
    assert r.status_code == 422
    assert _fields(r) == {"expires_on"}


def test_the_expiry_list_of_a_manager(personas: Any) -> None:
    sup = personas["supervisor_bpp"]
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    r = sup.api(
        "POST",
        "/api/v1/competencies/grants",
        {
            "username": "activist_bpp",
            "competency": "regulations",
            "granted_on": (today - timedelta(days=300)).isoformat(),
            "expires_on": (today + timedelta(days=10)).isoformat(),
        },
    )
    assert r.status_code == 201
    listed = sup.api("GET", "/api/v1/competencies/expiring?days=30").json()
    assert [(i["username"], i["days_left"]) for i in listed["items"]] == [("activist_bpp", 10)]
    assert sup.api("GET", "/api/v1/competencies/expiring?days=5").json()["count"] == 0
    assert (
        personas["supervisor_kalteng"].api("GET", "/api/v1/competencies/expiring").json()["count"]
        == 0
    )
