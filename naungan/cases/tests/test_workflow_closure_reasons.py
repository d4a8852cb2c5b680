"""A closure reason has to be true of the case (DESIGN §5 step 6): "goals met" needs an approved
intervention plan on a case past identification, "unreachable" needs documented contact
attempts; checked at the request and again at the approval, in the service, the page and the
API."""

from __future__ import annotations

import pytest

from naungan.cases import services
from naungan.cases.exceptions import ClosureBlocked
from naungan.cases.models import ClosureRequest
from naungan.cases.services.plans import PlanActionIn, plan_decide, plan_draft, plan_submit

from .factories import assign, make_case


@pytest.fixture
def case(personas):
    """A physical-violence case (no statutory task) led by the Balikpapan caseworker."""
    case = make_case(personas["intake_bpp"].user)
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def _approved_plan(personas, case):
    cw = personas["caseworker_bpp"].user
    plan = plan_draft(
        actor=cw, case=case, goals="Korban aman", actions=[PlanActionIn(description="Konseling")]
    )
    plan_submit(actor=cw, plan=plan)
    return plan_decide(actor=personas["supervisor_bpp"].user, plan=plan, approve=True)


def _legacy_request(personas, case, reason="goals_met"):
    """A pending request made before the rule (or while the case still qualified)."""
    return ClosureRequest.objects.create(
        case=case, reason=reason, requested_by=personas["caseworker_bpp"].user
    )


def test_goals_met_is_refused_while_the_case_is_in_identification(personas, case):
    with pytest.raises(ClosureBlocked, match="Identifikasi"):
        services.closure_request(
            actor=personas["caseworker_bpp"].user, case=case, reason="goals_met"
        )
    assert not case.closure_requests.exists()


def test_goals_met_is_refused_without_an_approved_plan(personas, case):
    cw = personas["caseworker_bpp"].user
    services.case_transition(actor=cw, case=case, to_status="assessment")
    plan = plan_draft(
        actor=cw, case=case, goals="Korban aman", actions=[PlanActionIn(description="Konseling")]
    )
    plan_submit(actor=cw, plan=plan)  # submitted, not yet approved
    with pytest.raises(ClosureBlocked, match="rencana intervensi yang sudah disetujui"):
        services.closure_request(actor=cw, case=case, reason="goals_met")


def test_goals_met_with_an_approved_plan_closes_after_approval(personas, case, make_user):
    cw = personas["caseworker_bpp"].user
    for status in ["assessment", "intervention"]:
        services.case_transition(actor=cw, case=case, to_status=status)
    _approved_plan(personas, case)
    closure = services.closure_request(actor=cw, case=case, reason="goals_met", summary="Aman")
    services.closure_decide(actor=personas["supervisor_bpp"].user, closure=closure, approve=True)
    case.refresh_from_db()
    assert case.status == "closed"


def test_approval_checks_goals_met_again(personas, case):
    closure = _legacy_request(personas, case)
    sup = personas["supervisor_bpp"].user
    with pytest.raises(ClosureBlocked, match="Tujuan tercapai"):
        services.closure_decide(actor=sup, closure=closure, approve=True)
    case.refresh_from_db()
    assert case.status == "open"
    closure.refresh_from_db()
    assert closure.status == "pending"
    # Rejecting it is always possible.
    services.closure_decide(actor=sup, closure=closure, approve=False, note="Belum ada rencana")
    closure.refresh_from_db()
    assert closure.status == "rejected"


def test_unreachable_needs_two_documented_contact_attempts(personas, case):
    cw = personas["caseworker_bpp"].user
    services.note_add(actor=cw, case=case, kind="coordination", body="Rapat dengan kelurahan")
    services.note_add(actor=cw, case=case, kind="contact", body="Telepon tidak diangkat")
    with pytest.raises(ClosureBlocked, match="baru tercatat 1"):
        services.closure_request(actor=cw, case=case, reason="unreachable")
    services.note_add(actor=cw, case=case, kind="home_visit", body="Rumah kosong")
    closure = services.closure_request(actor=cw, case=case, reason="unreachable")
    assert closure.status == "pending"


@pytest.mark.parametrize("reason", ["client_declined", "transferred", "moved", "died"])
def test_other_reasons_keep_their_rules_even_in_identification(personas, case, reason):
    closure = services.closure_request(
        actor=personas["caseworker_bpp"].user, case=case, reason=reason, summary="Catatan"
    )
    assert closure.status == "pending"


# --- page ------------------------------------------------------------------------------------


def test_the_page_refuses_goals_met_in_identification_and_keeps_the_summary(personas, case):
    summary = "Klien merasa aman dan ingin berhenti"
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{case.public_id}/tutup/", {"reason": "goals_met", "summary": summary}
    )
    assert r.status_code == 422  # the case page again, as for every refused typed action
    body = r.content.decode()
    assert "Tujuan tercapai” belum dapat dipakai" in body
    assert summary in body
    assert not case.closure_requests.exists()


def test_the_page_refuses_to_approve_a_goals_met_request_without_a_plan(personas, case):
    _legacy_request(personas, case)
    r = personas["supervisor_bpp"].client.post(
        f"/kasus/{case.public_id}/tutup/putuskan/", {"approve": "yes"}
    )
    assert r.status_code == 422
    assert 'data-testid="decide-error"' in r.content.decode()
    case.refresh_from_db()
    assert case.status == "open"


# --- API -------------------------------------------------------------------------------------


def test_the_api_answers_409_naming_the_rule(personas, case):
    base = f"/api/v1/cases/{case.public_id}"
    r = personas["caseworker_bpp"].api("post", f"{base}/closure", {"reason": "goals_met"})
    assert r.status_code == 409
    assert "Tujuan tercapai" in r.json()["detail"]
    closure = _legacy_request(personas, case)
    r = personas["supervisor_bpp"].api(
        "post", f"{base}/closure/{closure.public_id}/decide", {"approve": True}
    )
    assert r.status_code == 409
    assert "Identifikasi" in r.json()["detail"]
    r = personas["caseworker_bpp"].api("post", f"{base}/closure", {"reason": "unreachable"})
    assert r.status_code == 409
    assert "upaya kontak" in r.json()["detail"]
