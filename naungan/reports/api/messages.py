"""Staff replies to the reporter's thread of a report in scope (the reporter reads them from
“Petugas” on the status page). Mounted with the intake routes at ``/reports``."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.decorators import decorate_view

from .. import selectors, services
from ..schemas import MessageCreated, MessageIn
from .body import json_body

router = Router()  # tags: those of the app router


@router.post(
    "/{report_id}/messages",
    operation_id="naungan_reports_api_report_reply",
    response={201: MessageCreated},
    summary="Reply to the reporter",
    description="The reporter sees the reply from “Petugas”; the author is recorded.",
)
@decorate_view(json_body(MessageIn))
def report_reply(request: HttpRequest, report_id: uuid.UUID, payload: MessageIn) -> Any:
    report = selectors.report_get(user=request.user, report_id=report_id)
    message = services.report_message_from_staff(
        actor=request.user, report=report, body=payload.body, request=request
    )
    return Status(201, {"sent_at": message.sent_at})
