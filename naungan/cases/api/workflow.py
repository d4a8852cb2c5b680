"""Cases API: status changes, closure request and decision, reopening (CONTRACT §8)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.api.cases import case_out
from naungan.cases.schemas.cases import CaseOut
from naungan.cases.schemas.workflow import ClosureIn, ClosureOut, DecideIn, ReopenIn, TransitionIn


@router.post(
    "/{caseid:case_id}/transition",
    response=CaseOut,
    by_alias=True,
    summary="Change the case status",
    description="Allowed: open→assessment (needs a lead), assessment→intervention, "
    "intervention→monitoring, monitoring→intervention. Anything else → 409. Closing uses "
    "`/closure`, reopening `/reopen`.",
)
def cases_transition(request: HttpRequest, case_id: UUID, payload: TransitionIn) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    services.case_transition(actor=user, case=case, to_status=payload.to, reason=payload.reason)
    return case_out(selectors.case_detail(user=user, case_id=case_id))


def closure_out(c: Any) -> dict[str, Any]:
    return {
        "id": c.public_id,
        "status": c.status,
        "reason": c.reason,
        "requested_by": c.requested_by.username,
        "decided_by": c.decided_by.username if c.decided_by else None,
        "case_status": c.case.status,
    }


@router.post(
    "/{caseid:case_id}/closure",
    response={201: ClosureOut},
    summary="Request closure",
    description="With a reason and summary; blocked (409) by open statutory tasks.",
)
def cases_closure(
    request: HttpRequest, case_id: UUID, payload: ClosureIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    closure = services.closure_request(
        actor=user, case=case, reason=payload.reason, summary=payload.summary
    )
    return Status(201, closure_out(closure))


@router.post(
    "/{caseid:case_id}/closure/{closure_id}/decide",
    response=ClosureOut,
    summary="Approve or reject closure",
    description="A supervisor of the area who is not the requester (else 409). Rejection "
    "needs a `note`.",
)
def cases_closure_decide(
    request: HttpRequest, case_id: UUID, closure_id: UUID, payload: DecideIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    closure = selectors.case_closure_get(case=case, closure_id=closure_id)
    closure = services.closure_decide(
        actor=user, closure=closure, approve=payload.approve, note=payload.note
    )
    return closure_out(closure)


@router.post(
    "/{caseid:case_id}/reopen",
    response=CaseOut,
    by_alias=True,
    summary="Reopen a closed case",
    description="With a reason; the case returns to `assessment`.",
)
def cases_reopen(request: HttpRequest, case_id: UUID, payload: ReopenIn) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    services.case_reopen(actor=user, case=case, reason=payload.reason)
    return case_out(selectors.case_detail(user=user, case_id=case_id))
