"""Cases API: the intervention plan and monitoring (DESIGN §5 steps 3 and 5)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.models import Case, InterventionPlan, MonitoringEntry
from naungan.cases.schemas.plans import (
    MonitoringIn,
    MonitoringListOut,
    MonitoringOut,
    PlanActionIn,
    PlanDecisionIn,
    PlanIn,
    PlanListOut,
    PlanOut,
)
from naungan.cases.services import plans as plan_services


def plan_out(plan: InterventionPlan, current: InterventionPlan | None = None) -> dict[str, Any]:
    return {
        "id": plan.public_id,
        "version": plan.version,
        "status": plan.status,
        "goals": plan.goals,
        "made_with": plan.made_with,
        "author": plan.author.username,
        "decided_by": plan.decided_by.username if plan.decided_by else None,
        "decided_at": plan.decided_at,
        "decision_reason": plan.decision_reason,
        "current": current is not None and current.pk == plan.pk,
        "actions": [
            {
                "description": a.description,
                "service": a.service,
                "responsible_user": a.responsible_user.username if a.responsible_user else None,
                "responsible_org": a.responsible_org.slug if a.responsible_org else None,
                "due_at": a.due_at,
                "task": a.task.public_id if a.task else None,
            }
            for a in plan.actions.all()
        ],
    }


def _plan_reload(case: Case, plan: InterventionPlan) -> dict[str, Any]:
    plans = list(selectors.case_plans(case=case))
    current = selectors.plan_current(plans)
    return plan_out(next(p for p in plans if p.pk == plan.pk), current)


def _action_in(case: Case, data: PlanActionIn, index: int) -> plan_services.PlanActionIn:
    user = None
    if data.responsible_user:
        user = selectors.user_by_username(data.responsible_user)
        if user is None:
            raise ValidationError(
                {"actions": _("Pengguna tindakan %(n)d tidak dikenal.") % {"n": index}}
            )
    org = None
    if data.responsible_org:
        org = selectors.organisation_by_slug(data.responsible_org)
        if org is None:
            raise ValidationError(
                {"actions": _("Lembaga tindakan %(n)d tidak dikenal.") % {"n": index}}
            )
    return plan_services.PlanActionIn(
        description=data.description,
        service=data.service,
        responsible_user=user,
        responsible_org=org,
        due_on=data.due_on,
    )


def monitoring_out(m: MonitoringEntry) -> dict[str, Any]:
    return {
        "id": m.public_id,
        "reviewed_on": m.reviewed_on,
        "summary": m.summary,
        "rights_reviewed": m.rights_reviewed,
        "risk_changed": m.risk_changed,
        "next_review_on": m.next_review_on,
        "author": m.author.username,
    }


@router.get(
    "/{caseid:case_id}/plans",
    response=PlanListOut,
    summary="Intervention plan versions of a case",
    description="Newest version first; `current` marks the approved version in force (older "
    "approved versions are superseded).",
)
def cases_plans(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    plans = list(selectors.case_plans(case=case))
    services.case_read_audit(actor=user, case=case, categories="narrative", request=request)
    current = selectors.plan_current(plans)
    return {"items": [plan_out(p, current) for p in plans], "count": len(plans)}


@router.post(
    "/{caseid:case_id}/plans",
    response={201: PlanOut},
    summary="Draft an intervention plan",
    description="Goals and actions (what, responsible caseworker of the case and/or "
    "organisation, due date). Replaces an open draft or starts a new version; a plan awaiting "
    "a decision → 409. The case's caseworkers and supervisors of its area.",
)
def cases_plan_draft(request: HttpRequest, case_id: UUID, payload: PlanIn) -> Status[Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    plan = plan_services.plan_draft(
        actor=user,
        case=case,
        goals=payload.goals,
        made_with=payload.made_with,
        actions=[_action_in(case, a, i) for i, a in enumerate(payload.actions, start=1)],
    )
    return Status(201, _plan_reload(case, plan))


@router.post(
    "/{caseid:case_id}/plans/{plan_id}/submit",
    response=PlanOut,
    summary="Submit a draft plan for approval",
    description="A plan that is not a draft → 409.",
)
def cases_plan_submit(request: HttpRequest, case_id: UUID, plan_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    plan = selectors.case_plan_get(case=case, plan_id=plan_id)
    plan_services.plan_submit(actor=user, plan=plan)
    return _plan_reload(case, plan)


@router.post(
    "/{caseid:case_id}/plans/{plan_id}/decision",
    response=PlanOut,
    summary="Approve or reject a submitted plan",
    description="A supervisor of the case's area who is not the plan's author (the author → "
    "409; another role → 403). Rejection needs `reason` (422). Approval creates a `follow_up` "
    "task for each dated action and supersedes the previous approved version.",
)
def cases_plan_decide(
    request: HttpRequest, case_id: UUID, plan_id: UUID, payload: PlanDecisionIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    plan = selectors.case_plan_get(case=case, plan_id=plan_id)
    plan_services.plan_decide(actor=user, plan=plan, approve=payload.approve, reason=payload.reason)
    return _plan_reload(case, plan)


@router.get(
    "/{caseid:case_id}/monitoring",
    response=MonitoringListOut,
    summary="Monitoring entries of a case",
    description="Newest review first.",
)
def cases_monitoring(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    entries = list(selectors.case_monitoring(case=case))
    services.case_read_audit(actor=user, case=case, categories="narrative", request=request)
    return {"items": [monitoring_out(m) for m in entries], "count": len(entries)}


@router.post(
    "/{caseid:case_id}/monitoring",
    response={201: MonitoringOut},
    summary="Record a monitoring entry",
    description="Review of rights, tasks, referral feedback and risk. Completes the open "
    "`review` task and creates the next one due at `next_review_on` (default 30 days later).",
)
def cases_monitoring_add(request: HttpRequest, case_id: UUID, payload: MonitoringIn) -> Status[Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    entry = plan_services.monitoring_record(
        actor=user,
        case=case,
        reviewed_on=payload.reviewed_on,
        summary=payload.summary,
        rights_reviewed=payload.rights_reviewed,
        risk_changed=payload.risk_changed,
        next_review_on=payload.next_review_on,
    )
    return Status(201, monitoring_out(entry))
