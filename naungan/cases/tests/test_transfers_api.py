"""Transfers over the API."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_api_request_list_accept(personas, bpp_case):
    sender = personas["supervisor_bpp"]
    r = sender.api(
        "post",
        f"/api/v1/cases/{bpp_case.public_id}/transfers",
        {"to_organisation": "t-uptd-kalteng", "reason": "Pindah"},
    )
    assert r.status_code == 201, r.content
    transfer_id = r.json()["id"]
    again = sender.api(
        "post",
        f"/api/v1/cases/{bpp_case.public_id}/transfers",
        {"to_organisation": "t-uptd-kalteng", "reason": "Pindah"},
    )
    assert again.status_code == 409
    receiver = personas["supervisor_kalteng"]
    listing = receiver.api("get", "/api/v1/cases/transfers").json()
    assert [i["id"] for i in listing["items"]] == [transfer_id]
    assert "description" not in listing["items"][0]
    assert personas["caseworker_kalteng"].api("get", "/api/v1/cases/transfers").status_code == 404
    assert (
        personas["supervisor_bpp"].api("post", f"/api/v1/cases/transfers/{transfer_id}/accept")
    ).status_code == 403
    ok = receiver.api("post", f"/api/v1/cases/transfers/{transfer_id}/accept")
    assert ok.status_code == 200
    assert ok.json()["status"] == "accepted"
    assert sender.api("get", f"/api/v1/cases/{bpp_case.public_id}").status_code == 404
    assert receiver.api("get", f"/api/v1/cases/{bpp_case.public_id}").status_code == 200
