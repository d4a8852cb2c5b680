"""Recording and reclassifying incidents over the API (CONTRACT §6)."""

from __future__ import annotations

from naungan.cases.tests.factories import INCIDENT


def test_incident_survivor_must_be_a_victim_of_the_case(personas, bpp_case):
    body = INCIDENT | {"survivor": "00000000-0000-0000-0000-000000000000"}
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/incidents", body
    )
    assert r.status_code == 422
    assert "survivor" in str(r.json()["detail"])


def test_reclassify_in_scope_keeps_trace(personas, bpp_case):
    from naungan.cases import services

    incident = services.incident_record(
        actor=personas["caseworker_bpp"].user, case=bpp_case, answers={"physical_assault": True}
    )
    url = f"/api/v1/cases/{bpp_case.public_id}/incidents/{incident.public_id}/reclassify"
    body = {"classification": {"penetration": True}, "reason": "visum"}
    assert personas["caseworker_bpp"].api("post", url, body).status_code == 403
    r = personas["supervisor_bpp"].api("post", url, body)
    assert r.status_code == 200
    assert r.json()["gbv_type"] == "rape"
    assert len(r.json()["answer_trace"]) == 2
