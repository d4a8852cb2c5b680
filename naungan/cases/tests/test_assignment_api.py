"""Assigning a case over the API (supervisors only)."""

from __future__ import annotations

from naungan.cases.tests.factories import INCIDENT, make_case


def test_assign_then_caseworker_sees_and_records_incident(personas):
    case = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    url = f"/api/v1/cases/{case.public_id}"
    cw = personas["caseworker_bpp"]
    assert cw.api("get", url).status_code == 404
    r = personas["supervisor_bpp"].api(
        "post", f"{url}/assign", {"username": "caseworker_bpp", "lead": True}
    )
    assert r.status_code == 200
    assert r.json()["lead"] == "caseworker_bpp"
    assert cw.api("get", url).status_code == 200
    r = cw.api("post", f"{url}/incidents", INCIDENT)
    assert r.status_code == 201, r.content
    assert r.json()["gbv_type"] == "sexual_assault"
    assert r.json()["context_flags"] == ["IPV", "CSA"]
    assert "id" in r.json()


def test_caseworker_cannot_assign(personas, bpp_case):
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/assign", {"username": "caseworker_bpp"}
    )
    assert r.status_code == 403
