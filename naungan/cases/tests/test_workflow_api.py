"""Status changes and closure over the API (CONTRACT §8): 409 with the reason, approval by
another supervisor."""

from __future__ import annotations

from naungan.cases.models import Task


def test_transition_not_allowed_is_409_with_reason(personas, bpp_case):
    url = f"/api/v1/cases/{bpp_case.public_id}/transition"
    r = personas["caseworker_bpp"].api("post", url, {"to": "monitoring"})
    assert r.status_code == 409
    assert r.json()["detail"]
    r = personas["caseworker_bpp"].api("post", url, {"to": "assessment"})
    assert r.status_code == 200
    assert r.json()["status"] == "assessment"


def test_close_with_approval_over_http(personas, bpp_case, make_user):
    base = f"/api/v1/cases/{bpp_case.public_id}"
    cw = personas["caseworker_bpp"]
    sup = personas["supervisor_bpp"]
    assert cw.api("post", f"{base}/closure", {"reason": "client_declined"}).status_code == 409
    task = Task.objects.get(case=bpp_case)
    r = cw.api("post", f"{base}/tasks/{task.public_id}/waive", {"reason": "x"})
    assert r.status_code == 403
    r = sup.api("post", f"{base}/tasks/{task.public_id}/waive", {"reason": "LP sudah ada"})
    assert r.status_code == 200
    assert r.json()["status"] == "waived"
    r = cw.api("post", f"{base}/closure", {"reason": "client_declined", "summary": "klien menolak"})
    assert r.status_code == 201
    closure_id = r.json()["id"]
    r = sup.api("post", f"{base}/closure/{closure_id}/decide", {"approve": True})
    assert r.status_code == 200
    assert r.json()["case_status"] == "closed"
    r = sup.api("post", f"{base}/reopen", {"reason": "kekerasan berulang"})
    assert r.json()["status"] == "assessment"


def test_requester_cannot_approve_own_closure_over_http(personas, bpp_case):
    base = f"/api/v1/cases/{bpp_case.public_id}"
    sup = personas["supervisor_bpp"]
    task = Task.objects.get(case=bpp_case)
    sup.api("post", f"{base}/tasks/{task.public_id}/complete")
    closure_id = sup.api("post", f"{base}/closure", {"reason": "client_declined"}).json()["id"]
    r = sup.api("post", f"{base}/closure/{closure_id}/decide", {"approve": True})
    assert r.status_code == 409
