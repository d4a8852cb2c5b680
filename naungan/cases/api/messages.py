"""Cases API: the reporter's thread, answered from the case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.schemas.messages import CaseMessageCreatedOut, CaseMessageIn
from naungan.reports.models import ReportMessage


def message_out(m: ReportMessage) -> dict[str, Any]:
    return {
        "from": m.sender,
        "body": m.body,
        "sent_at": m.sent_at,
        "author": m.author.get_username() if m.author else None,
        "read": m.read,
    }


@router.post(
    "/{caseid:case_id}/messages",
    response={201: CaseMessageCreatedOut},
    by_alias=True,
    summary="Answer the reporter",
    description="The case's writers (its caseworkers, the supervisors of its area; anyone "
    "else → 404 as for a missing case) write to the reporter of the report the case came "
    "from; she sees it on `/lapor/status/` from “Petugas”, never the author's name. A case "
    "opened directly has no reporter thread → 409. Empty or too long `body` → 422.",
)
def cases_message(
    request: HttpRequest, case_id: UUID, payload: CaseMessageIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    message = services.case_message_reply(actor=user, case=case, body=payload.body, request=request)
    return Status(201, {"from": message.sender, "body": message.body, "sent_at": message.sent_at})
