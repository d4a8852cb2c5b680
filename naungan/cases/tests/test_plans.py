"""Intervention plan (draft, submit, approve or reject by another supervisor, versions) and
monitoring entries (review task every 30 days), through the services."""

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
