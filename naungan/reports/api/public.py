"""Public reporting without authentication (CONTRACT §4): submit a report or curhat, and the
reporter's status and thread by tracking code and PIN. Mounted at ``/public/reports``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Header, Router, Status
from ninja.decorators import decorate_view

from .. import services
from ..models import ReportMessage
from ..schemas import MessageCreated, MessageIn, PublicReportIn, PublicReportOut, PublicStatusOut
from .body import body_doc, json_body
from .submit import submit_answer

router = Router(tags=["reports"])


@router.post(
    "",
    operation_id="naungan_reports_api_public_report_submit",
    auth=None,
    response={201: PublicReportOut},
    openapi_extra=body_doc(PublicReportIn),
    summary="Submit a report or curhat (public, no login)",
    description=(
        "Anyone may report violence (`complaint`) or confide (`curhat`). Answers 201 with a "
        "tracking code and a PIN shown once (only a keyed hash of the PIN is stored). Optional "
        "header `Idempotency-Key` (≤ 100 characters): a repeat within 24 hours answers the same "
        "status and body and stores nothing new; the same key with a different body → 422; a "
        "repeat racing the first may answer 409 with `Retry-After`. Bodies over 64 KiB → 413; "
        "malformed JSON → 400; invalid fields → 422 naming the field. Rate-limited per client "
        "address (429)."
    ),
)
def public_report_submit(
    request: HttpRequest, idempotency_key: str = Header("", alias="Idempotency-Key")
) -> Any:
    # The body is parsed and validated once, in submit_answer (not by ninja as well).
    return submit_answer(
        request, PublicReportIn, actor=None, key=idempotency_key.strip(), scope="public"
    )


def _reporter_report(request: HttpRequest, tracking_code: str, pin: str) -> Any:
    return services.report_reporter_get(
        tracking_code=tracking_code, pin=pin, client_ip=getattr(request, "client_ip", "") or ""
    )


def _public_messages(messages: list[ReportMessage]) -> list[dict[str, Any]]:
    return [{"from": m.sender, "body": m.body, "sent_at": m.sent_at} for m in messages]


@router.get(
    "/{tracking_code}",
    operation_id="naungan_reports_api_public_report_status",
    auth=None,
    response={200: PublicStatusOut},
    by_alias=True,
    summary="Status and messages of one's report (code + PIN)",
    description=(
        "Header `X-Report-PIN` required. A wrong PIN and an unknown code answer the same 404; "
        "repeated failures from one client → 429. Status is `received`, `in_progress` or "
        "`closed`; staff messages never name the officer."
    ),
)
def public_report_status(
    request: HttpRequest, tracking_code: str, pin: str = Header("", alias="X-Report-PIN")
) -> Any:
    report = _reporter_report(request, tracking_code, pin)
    messages = services.report_reporter_view(report=report, request=request)
    return Status(
        200,
        {
            "tracking_code": report.tracking_code,
            "status": services.public_status(report),
            "messages": _public_messages(messages),
        },
    )


@router.post(
    "/{tracking_code}/messages",
    operation_id="naungan_reports_api_public_report_message",
    auth=None,
    response={201: MessageCreated},
    summary="Reporter writes to the UPTD PPA (code + PIN)",
    description="Header `X-Report-PIN` required; same 404 and 429 rules as the status.",
)
@decorate_view(json_body(MessageIn, public=True))
def public_report_message(
    request: HttpRequest,
    tracking_code: str,
    payload: MessageIn,
    pin: str = Header("", alias="X-Report-PIN"),
) -> Any:
    report = _reporter_report(request, tracking_code, pin)
    message = services.report_message_from_reporter(
        report=report, body=payload.body, request=request
    )
    return Status(201, {"sent_at": message.sent_at})
