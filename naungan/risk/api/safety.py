"""Safety plans API: the versions of a victim's plan, and a new version."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import SafetyPlan
from ..models.safety import PLAN_FIELDS
from ..schemas.safety import SafetyPlanIn, SafetyPlanListOut, SafetyPlanOut
from . import router
from ._common import victim_of


def plan_out(p: SafetyPlan) -> dict[str, Any]:
    return {
        "id": p.public_id,
        "number": p.number,
        "victim": p.victim.public_id,
        "review_on": p.review_on,
        **{name: getattr(p, name) for name in PLAN_FIELDS},
    }


@router.post(
    "/cases/{caseid:case_id}/safety-plans",
    response={201: SafetyPlanOut},
    summary="Save a new version of a victim's safety plan",
    description="Every save is a new version; the review date becomes a task. The case's "
    "writers only. Never sent to the victim's phone: printed on request.",
)
def cases_safety_plan_create(
    request: HttpRequest, case_id: UUID, payload: SafetyPlanIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    plan = services.safety_plan_save(
        actor=user,
        case=case,
        data=services.SafetyPlanIn(
            review_on=payload.review_on,
            victim=victim_of(case, payload.victim),
            parts={name: getattr(payload, name) for name in PLAN_FIELDS},
        ),
    )
    return Status(201, plan_out(plan))


@router.get(
    "/cases/{caseid:case_id}/safety-plans",
    response=SafetyPlanListOut,
    summary="Every version of the case's safety plans",
)
def cases_safety_plans(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    items = [plan_out(p) for p in selectors.case_safety_plans(case=case)]
    services.safety_plans_read_audit(actor=user, case=case, request=request)
    return {"items": items, "count": len(items)}
