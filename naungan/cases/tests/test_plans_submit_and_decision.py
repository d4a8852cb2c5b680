"""Submitting a drafted intervention plan and the supervisor's decision (approve or reject with
a reason), through the pages and the API: the plan's status, the decision, the follow-up tasks
and the author's notice."""

from __future__ import annotations

from datetime import date

import pytest

from naungan.cases.models import InterventionPlan, Notification, Task
from naungan.cases.services.plans import PlanActionIn, plan_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas, bpp_case) -> InterventionPlan:
    cw = personas["caseworker_bpp"].user
    return plan_draft(
        actor=cw,
        case=bpp_case,
        goals="Korban aman dan pulih",
        actions=[
            PlanActionIn(description="Konseling", responsible_user=cw, due_on=date(2026, 12, 10))
        ],
    )


def _page(plan: InterventionPlan) -> str:
    return f"/kasus/{plan.case.public_id}/rencana/"


def test_caseworker_submits_the_draft_on_the_page(personas, draft):
    response = personas["caseworker_bpp"].client.post(f"{_page(draft)}{draft.public_id}/ajukan/")
    assert response.status_code == 302
    assert response["Location"] == _page(draft)
    draft.refresh_from_db()
    assert draft.status == "submitted"


def test_supervisor_rejects_on_the_page_with_a_reason_and_the_author_is_told(personas, draft):
    personas["caseworker_bpp"].client.post(f"{_page(draft)}{draft.public_id}/ajukan/")
    sup = personas["supervisor_bpp"]
    response = sup.client.post(
        f"{_page(draft)}{draft.public_id}/putuskan/",
        {"approve": "no", "reason": "Libatkan keluarga"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.decision_reason) == ("rejected", "Libatkan keluarga")
    assert draft.decided_by == sup.user
    assert not Task.objects.filter(case=draft.case, kind="follow_up").exists()
    notice = Notification.objects.get(user=personas["caseworker_bpp"].user, kind="plan")
    assert "ditolak" in notice.message


def test_a_rejection_without_reason_changes_nothing(personas, draft):
    personas["caseworker_bpp"].client.post(f"{_page(draft)}{draft.public_id}/ajukan/")
    personas["supervisor_bpp"].client.post(
        f"{_page(draft)}{draft.public_id}/putuskan/", {"approve": "no", "reason": ""}
    )
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert draft.decided_by is None


def test_submit_and_approve_through_the_api_create_the_follow_up_task(personas, draft):
    base = f"/api/v1/cases/{draft.case.public_id}/plans/{draft.public_id}"
    submitted = personas["caseworker_bpp"].api("post", f"{base}/submit")
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    decided = personas["supervisor_bpp"].api("post", f"{base}/decision", {"approve": True})
    assert decided.status_code == 200
    assert decided.json()["status"] == "approved"
    assert decided.json()["current"] is True
    task = Task.objects.get(case=draft.case, kind="follow_up")
    assert task.owner == personas["caseworker_bpp"].user
    assert Notification.objects.filter(user=draft.author, kind="plan").count() == 1


def test_reject_through_the_api_keeps_the_reason(personas, draft):
    base = f"/api/v1/cases/{draft.case.public_id}/plans/{draft.public_id}"
    personas["caseworker_bpp"].api("post", f"{base}/submit")
    response = personas["supervisor_bpp"].api(
        "post", f"{base}/decision", {"approve": False, "reason": "Tambah tindakan hukum"}
    )
    assert response.status_code == 200
    assert response.json()["decision_reason"] == "Tambah tindakan hukum"
    draft.refresh_from_db()
    assert draft.status == "rejected"
