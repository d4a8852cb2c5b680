"""The services API (CONTRACT §4, §6, §8): open a service, list and show them, 404 outside
the case's writers, 409 with free_beds at a full shelter, the supervisor's override, the
mediation refusal citing UU TPKS Pasal 23."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naungan.core.models import AuditEvent

from .conftest import SHELTER_ADDRESS

NOT_FOUND = {"detail": "Not Found"}


def _url(case, tail=""):
    return f"/api/v1/cases/{case.public_id}/services{tail}"


@pytest.mark.parametrize("service", ["outreach", "accompaniment", "complaint", "mediation"])
def test_post_opens_a_service_201(bpp_case, personas, service):
    r = personas["caseworker_bpp"].api("POST", _url(bpp_case), {"service": service})
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["service"] == service
    assert body["organisation"] == bpp_case.organisation.slug
    assert body["in_progress"] is True
    assert body["warnings"] == []


def test_list_shows_the_automatic_and_opened_services(bpp_case, personas):
    personas["supervisor_bpp"].api("POST", _url(bpp_case), {"service": "outreach"})
    r = personas["intake_bpp"].api("GET", _url(bpp_case))  # the creator reads
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 3
    assert {i["service"] for i in body["items"]} == {"complaint", "case_management", "outreach"}
    assert AuditEvent.objects.filter(
        action="view", object_id=str(bpp_case.public_id), categories="services"
    ).exists()


@pytest.mark.parametrize(
    "who", ["caseworker_kalteng", "supervisor_kalteng", "activist_bpp", "analyst_bpp", "admin_bpp"]
)
def test_other_area_and_other_roles_get_404(bpp_case, personas, who):
    for method, data in (("GET", None), ("POST", {"service": "outreach"})):
        r = personas[who].api(method, _url(bpp_case), data)
        assert (r.status_code, r.json()) == (404, NOT_FOUND)


def test_intake_reads_but_does_not_open(bpp_case, personas):
    r = personas["intake_bpp"].api("POST", _url(bpp_case), {"service": "outreach"})
    assert (r.status_code, r.json()) == (404, NOT_FOUND)


def test_an_unknown_service_or_organisation_is_422_naming_it(bpp_case, personas):
    cw = personas["caseworker_bpp"]
    r = cw.api("POST", _url(bpp_case), {"service": "teleport"})
    assert r.status_code == 422
    assert "service" in str(r.json()["detail"])
    r = cw.api("POST", _url(bpp_case), {"service": "shelter", "organisation": "tidak-ada"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "organisation"]


def test_shelter_stay_creates_a_review_task_and_shows_the_address_to_writers(
    bpp_case, personas, shelter
):
    started = (timezone.now() - timedelta(hours=1)).isoformat()
    body = {"service": "shelter", "started_at": started, "organisation": shelter.slug}
    r = personas["caseworker_bpp"].api("POST", _url(bpp_case), body)
    assert r.status_code == 201, r.content
    stay = r.json()["shelter"]
    assert stay["address"] == SHELTER_ADDRESS
    tasks = personas["caseworker_bpp"].api("GET", f"/api/v1/cases/{bpp_case.public_id}/tasks")
    review = [t for t in tasks.json()["items"] if t["kind"] == "shelter_review"]
    assert len(review) == 1
    assert review[0]["due_at"] == stay["planned_end_at"]
    episode = r.json()["id"]
    seen = personas["intake_bpp"].api("GET", _url(bpp_case, f"/{episode}"))
    assert seen.status_code == 200
    assert seen.json()["shelter"]["address"] is None
    assert SHELTER_ADDRESS not in seen.content.decode()


def test_a_full_shelter_answers_409_with_free_beds_and_a_supervisor_overrides(
    make_bpp_case, personas, shelter
):
    first, second = make_bpp_case(), make_bpp_case()
    body = {"service": "shelter", "organisation": shelter.slug, "beds": 2}
    assert personas["caseworker_bpp"].api("POST", _url(first), body).status_code == 201
    one_bed = {"service": "shelter", "organisation": shelter.slug}
    r = personas["caseworker_bpp"].api("POST", _url(second), one_bed)
    assert r.status_code == 409
    assert r.json()["free_beds"] == 0
    assert r.json()["detail"]
    override = one_bed | {"capacity_override_reason": "Nyawa korban terancam malam ini"}
    r = personas["supervisor_bpp"].api("POST", _url(second), override)
    assert r.status_code == 201, r.content
    assert r.json()["shelter"]["over_capacity"] is True
    assert len(r.json()["warnings"]) == 1
    occupancy = personas["supervisor_bpp"].api("GET", "/api/v1/shelters").json()
    assert occupancy["items"] == [
        {
            "slug": shelter.slug,
            "name": shelter.name,
            "area_code": "64.71",
            "beds": 2,
            "occupied": 3,
            "free": 0,
            "children": 0,
            "over_capacity": True,
        }
    ]


def test_shelters_are_for_caseworkers_and_supervisors_of_the_area(personas, shelter):
    assert personas["caseworker_kalteng"].api("GET", "/api/v1/shelters").json()["count"] == 0
    for who in ("intake_bpp", "provider_bpp", "analyst_bpp", "admin_bpp", "activist_bpp"):
        r = personas[who].api("GET", "/api/v1/shelters")
        assert (r.status_code, r.json()) == (404, NOT_FOUND)


def test_mediation_on_a_tpks_case_is_409_citing_the_article(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    r = personas["caseworker_bpp"].api("POST", _url(case), {"service": "mediation"})
    assert r.status_code == 409
    assert "UU TPKS Pasal 23" in r.json()["detail"]
    assert AuditEvent.objects.filter(outcome="refused", object_id=str(case.public_id)).exists()


def test_extension_and_decision_through_the_api(bpp_case, personas, shelter):
    r = personas["caseworker_bpp"].api(
        "POST", _url(bpp_case), {"service": "shelter", "organisation": shelter.slug}
    )
    episode = r.json()["id"]
    until = (timezone.now() + timedelta(days=20)).isoformat()
    ext = personas["caseworker_bpp"].api(
        "POST", _url(bpp_case, f"/{episode}/extensions"), {"until": until, "reason": "Belum aman"}
    )
    assert ext.status_code == 201
    assert ext.json()["status"] == "pending"
    decide = _url(bpp_case, f"/{episode}/extensions/{ext.json()['id']}/decide")
    r = personas["caseworker_bpp"].api("POST", decide, {"approve": True})
    assert r.status_code == 403
    r = personas["supervisor_bpp"].api("POST", decide, {"approve": True})
    assert r.json() == {"id": ext.json()["id"], "status": "approved"}
    r = personas["caseworker_bpp"].api(
        "POST", _url(bpp_case, f"/{episode}/discharge"), {"destination": "Rumah bibi"}
    )
    assert r.status_code == 200
    assert r.json()["shelter"]["discharged_at"] is not None
    assert r.json()["shelter"]["address"] is None


def test_outreach_visit_needs_the_safety_check_through_the_api(bpp_case, personas):
    cw = personas["caseworker_bpp"]
    planned = (timezone.now() + timedelta(hours=3)).isoformat()
    r = cw.api(
        "POST",
        _url(bpp_case),
        {"service": "outreach", "visit_planned_at": planned, "visit_team": "Rina, Bripka Dewi"},
    )
    episode = r.json()["id"]
    visit = r.json()["visits"][0]["id"]
    base = _url(bpp_case, f"/{episode}/visits/{visit}")
    r = cw.api("POST", f"{base}/depart")
    assert r.status_code == 409
    assert "Periksa keamanan" in r.json()["detail"]
    check = {"perpetrator_present": False, "safe_for_victim": True}
    assert cw.api("POST", f"{base}/safety-check", check).status_code == 200
    assert cw.api("POST", f"{base}/depart").json()["visits"][0]["status"] == "departed"
    r = cw.api("POST", f"{base}/result", {"result": "found"})
    assert r.json()["visits"][0]["result"] == "found"


def test_partner_clock_through_the_api(bpp_case, personas):
    url = f"/api/v1/cases/{bpp_case.public_id}/partner-clocks"
    r = personas["caseworker_bpp"].api("POST", url, {"clock": "kdrt_temporary_protection"})
    assert r.status_code == 201
    assert (r.json()["kind"], r.json()["source_rule"]) == (
        "partner_protection",
        "UU PKDRT Pasal 16 ayat (1)–(2)",
    )
    again = personas["supervisor_bpp"].api("POST", url, {"clock": "kdrt_temporary_protection"})
    assert again.status_code == 409
    r = personas["caseworker_bpp"].api("POST", url, {"clock": "sometime"})
    assert r.status_code == 422
