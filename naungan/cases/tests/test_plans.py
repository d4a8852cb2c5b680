"""Intervention plan (draft, submit, approve or reject by another supervisor, versions) and
monitoring entries (review task every 30 days), through services, pages and the API."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from naungan.cases.exceptions import InvalidAssignee, NotPermitted, ReasonRequired
from naungan.cases.models import InterventionPlan, MonitoringEntry, Notification, Task
from naungan.cases.services.plans import (
    PlanActionIn,
    PlanDeciderIsAuthor,
    PlanNotDraft,
    PlanNotPending,
    monitoring_record,
    plan_decide,
    plan_draft,
    plan_submit,
)
from naungan.core.models import AuditEvent

WITA = ZoneInfo("Asia/Makassar")


def _draft(
    cw, case, *, due=date(2026, 12, 10), goals="Korban aman dan pulih", responsible=None, **extra
):
    return plan_draft(
        actor=cw,
        case=case,
        goals=goals,
        made_with="klien dan ibu",
        actions=[
            PlanActionIn(
                description="Konseling psikolog",
                responsible_user=responsible or cw,
                due_on=due,
            ),
            PlanActionIn(description="Pendampingan hukum", **extra),
        ],
    )


def test_approval_by_area_supervisor_creates_follow_up_tasks(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    plan = _draft(cw, bpp_case)
    assert plan.status == "draft"
    assert plan.version == 1
    plan_submit(actor=cw, plan=plan)
    plan = plan_decide(actor=sup, plan=plan, approve=True)
    assert plan.status == "approved"
    assert plan.decided_by == sup
    task = Task.objects.get(case=bpp_case, kind="follow_up")
    assert task.owner == cw
    # The due date is the end of that day in the case area's zone (WITA), stored in UTC.
    assert task.due_at == datetime.combine(date(2026, 12, 10), time(23, 59), tzinfo=WITA)
    assert _action(plan, "Konseling psikolog").task == task
    assert _action(plan, "Pendampingan hukum").task is None  # no due date
    assert Notification.objects.filter(user=cw, kind="plan", case=bpp_case).exists()
    assert any(
        "approved" in e.reason for e in AuditEvent.objects.filter(object_id=str(plan.public_id))
    )


def test_author_cannot_approve_own_plan(personas, bpp_case):
    sup = personas["supervisor_bpp"].user
    plan = _draft(sup, bpp_case, responsible=personas["caseworker_bpp"].user)
    plan_submit(actor=sup, plan=plan)
    with pytest.raises(PlanDeciderIsAuthor):
        plan_decide(actor=sup, plan=plan, approve=True)
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_caseworker_and_other_area_supervisor_cannot_decide(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    plan = _draft(cw, bpp_case)
    plan_submit(actor=cw, plan=plan)
    with pytest.raises(NotPermitted):
        plan_decide(actor=cw, plan=plan, approve=True)
    with pytest.raises(NotPermitted):
        plan_decide(actor=personas["supervisor_kalteng"].user, plan=plan, approve=True)


def _action(plan, description):
    # Descriptions are encrypted: pick in Python, not in SQL.
    return next(a for a in plan.actions.all() if a.description == description)


def test_rejection_needs_a_reason_and_creates_no_tasks(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    plan = plan_submit(actor=cw, plan=_draft(cw, bpp_case))
    with pytest.raises(ReasonRequired):
        plan_decide(actor=sup, plan=plan, approve=False, reason=" ")
    plan = plan_decide(actor=sup, plan=plan, approve=False, reason="Tujuan belum terukur")
    assert plan.status == "rejected"
    assert not Task.objects.filter(case=bpp_case, kind="follow_up").exists()
    with pytest.raises(PlanNotPending):
        plan_decide(actor=sup, plan=plan, approve=True)


def test_submitted_plan_blocks_new_drafts_and_draft_is_replaced_not_duplicated(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    first = _draft(cw, bpp_case, goals="A")
    again = _draft(cw, bpp_case, goals="B")
    assert again.pk == first.pk
    assert again.goals == "B"
    assert again.actions.count() == 2
    plan_submit(actor=cw, plan=again)
    with pytest.raises(PlanNotDraft):
        _draft(cw, bpp_case)


def test_new_version_supersedes_old_and_cancels_its_open_tasks(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    v1 = plan_decide(actor=sup, plan=plan_submit(actor=cw, plan=_draft(cw, bpp_case)), approve=True)
    old_task = _action(v1, "Konseling psikolog").task
    v2 = _draft(cw, bpp_case, due=date(2027, 1, 15))
    assert v2.version == 2
    plan_decide(actor=sup, plan=plan_submit(actor=cw, plan=v2), approve=True)
    old_task.refresh_from_db()
    assert old_task.status == "cancelled"
    open_follow_ups = Task.objects.filter(case=bpp_case, kind="follow_up", status="open")
    assert [t.due_at.astimezone(WITA).date() for t in open_follow_ups] == [date(2027, 1, 15)]


def test_responsible_user_must_work_on_the_case(personas, bpp_case):
    with pytest.raises(InvalidAssignee):
        _draft(
            personas["caseworker_bpp"].user,
            bpp_case,
            responsible_user=personas["caseworker_kalteng"].user,
        )
    assert not InterventionPlan.objects.exists()


def test_intake_and_other_area_caseworker_cannot_draft(personas, bpp_case):
    for who in ["intake_bpp", "caseworker_kalteng"]:
        with pytest.raises(NotPermitted):
            _draft(personas[who].user, bpp_case)


# --- monitoring -------------------------------------------------------------------------------


def test_monitoring_creates_review_task_30_days_later_and_refreshes_it(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    today = timezone.localdate(timezone=WITA)
    monitoring_record(
        actor=cw, case=bpp_case, reviewed_on=today, summary="Klien stabil", rights_reviewed=True
    )
    review = Task.objects.get(case=bpp_case, kind="review")
    assert review.status == "open"
    assert review.due_at.astimezone(WITA).date() == today + timedelta(days=30)
    monitoring_record(
        actor=cw,
        case=bpp_case,
        reviewed_on=today,
        summary="Risiko naik",
        risk_changed=True,
        next_review_on=today + timedelta(days=7),
    )
    review.refresh_from_db()
    assert review.status == "done"
    open_reviews = Task.objects.filter(case=bpp_case, kind="review", status="open")
    assert [t.due_at.astimezone(WITA).date() for t in open_reviews] == [today + timedelta(days=7)]
    assert MonitoringEntry.objects.filter(case=bpp_case).count() == 2


def test_monitoring_rejects_future_review_and_next_before_review(personas, bpp_case):
    from django.core.exceptions import ValidationError

    cw = personas["caseworker_bpp"].user
    today = timezone.localdate(timezone=WITA)
    with pytest.raises(ValidationError):
        monitoring_record(
            actor=cw, case=bpp_case, reviewed_on=today + timedelta(days=2), summary="x"
        )
    with pytest.raises(ValidationError):
        monitoring_record(
            actor=cw, case=bpp_case, reviewed_on=today, summary="x", next_review_on=today
        )
    assert not Task.objects.filter(case=bpp_case, kind="review").exists()


# --- pages ------------------------------------------------------------------------------------


def test_draft_submit_and_decide_through_the_pages(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    url = f"/kasus/{bpp_case.public_id}/rencana/"
    form = {
        "goals": "Korban aman",
        "made_with": "klien",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-0-description": "Konseling",
        "actions-0-responsible_user": str(cw.user.pk),
        "actions-0-due_on": "2026-12-10",
    }
    assert cw.client.post(url, form).status_code == 302
    plan = InterventionPlan.objects.get(case=bpp_case)
    assert plan.actions.count() == 1
    cw.client.post(f"{url}{plan.public_id}/ajukan/")
    # The caseworker's decide is refused (not a supervisor): nothing changes.
    cw.client.post(f"{url}{plan.public_id}/putuskan/", {"approve": "yes"})
    plan.refresh_from_db()
    assert plan.status == "submitted"
    sup = personas["supervisor_bpp"]
    assert "Setujui rencana" in sup.client.get(url).content.decode()
    sup.client.post(f"{url}{plan.public_id}/putuskan/", {"approve": "yes"})
    plan.refresh_from_db()
    assert plan.status == "approved"
    # Out-of-scope writer: 404 on the action URLs.
    r = personas["supervisor_kalteng"].client.post(f"{url}{plan.public_id}/ajukan/")
    assert r.status_code == 404


def test_case_page_shows_plan_and_monitoring_in_section_and_timeline(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    plan_decide(actor=sup, plan=plan_submit(actor=cw, plan=_draft(cw, bpp_case)), approve=True)
    monitoring_record(
        actor=cw, case=bpp_case, reviewed_on=timezone.localdate(), summary="Klien stabil"
    )
    body = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert "Rencana berlaku: versi 1" in body
    assert "Konseling psikolog" in body
    assert "Rencana intervensi versi 1" in body  # timeline
    assert "Pemantauan" in body
    assert "Klien stabil" in body


def test_monitoring_page_post(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    r = cw.client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": timezone.localdate().isoformat(), "summary": "Kunjungan rumah"},
    )
    assert r.status_code == 302
    assert MonitoringEntry.objects.filter(case=bpp_case).count() == 1
    r = personas["caseworker_kalteng"].client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": timezone.localdate().isoformat(), "summary": "x"},
    )
    assert r.status_code == 404


def test_refused_monitoring_entry_comes_back_with_what_was_typed(personas, bpp_case):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": future, "summary": "Kunjungan rumah kedua", "next_review_on": ""},
    )
    assert r.status_code == 422
    html = r.content.decode()
    assert f'value="{future}"' in html
    assert "Kunjungan rumah kedua" in html
    assert MonitoringEntry.objects.filter(case=bpp_case).count() == 0


# --- API --------------------------------------------------------------------------------------


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
