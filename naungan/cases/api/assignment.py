"""Cases API: assignment, bulk assignment and the unit's caseloads."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.api.cases import case_out
from naungan.cases.schemas.assignment import AssignIn, BulkAssignIn, BulkAssignOut, CaseloadListOut
from naungan.cases.schemas.cases import CaseOut


@router.post(
    "/{caseid:case_id}/assign",
    response=CaseOut,
    by_alias=True,
    summary="Assign a caseworker",
    description="Supervisor of the case's area: `lead: true` names the lead (replacing the "
    "previous one), `lead: false` adds a co-worker, `remove: true` removes the user.",
)
def cases_assign(request: HttpRequest, case_id: UUID, payload: AssignIn) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    assignee = selectors.user_by_username(payload.username)
    if assignee is None:
        raise ValidationError({"username": _("Pengguna tidak dikenal.")})
    if payload.remove:
        services.case_unassign(actor=user, case=case, assignee=assignee)
    else:
        services.case_assign(actor=user, case=case, assignee=assignee, lead=payload.lead)
    return case_out(selectors.case_detail(user=user, case_id=case_id))


@router.post(
    "/bulk-assign",
    response=BulkAssignOut,
    summary="Assign a lead to many cases",
    description="Supervisor: name `username` (a caseworker of their unit) lead of every case in "
    "`cases` (≤ 200). All or nothing; a case outside scope fails the batch (422).",
)
@api_role_required(SUPERVISORS)
def cases_bulk_assign(request: HttpRequest, payload: BulkAssignIn) -> dict[str, Any]:
    user = request_user(request)
    assignee = selectors.user_by_username(payload.username)
    if assignee is None:
        raise ValidationError({"username": _("Pengguna tidak dikenal.")})
    done = services.cases_bulk_assign(actor=user, case_ids=payload.cases, assignee=assignee)
    return {"assigned": len(done), "cases": [c.public_id for c in done]}


@router.get(
    "/caseload",
    response=CaseloadListOut,
    summary="Caseload per worker",
    description="Supervisor: open cases led by each caseworker and supervisor of their unit, by "
    'triage (`""` = not triaged), with the overload threshold `warning`.',
)
@api_role_required(SUPERVISORS)
def cases_caseload(request: HttpRequest) -> dict[str, Any]:
    user = request_user(request)
    warning = selectors.caseload_warning()
    items = [
        {
            "username": c.worker.username,
            "role": c.worker.role,
            "by_triage": c.by_triage,
            "total": c.total,
            "co_working": c.co_working,
            "overloaded": c.total > warning,
        }
        for c in selectors.caseloads(user=user)
    ]
    return {"items": items, "count": len(items), "warning": warning}
