"""The staff intake queue (CONTRACT §4): list and read reports in scope, record a report taken
by staff or an activist, triage, close and hand over. Mounted at ``/reports``; the reply to the
reporter is in ``messages``."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Header, Query, Router, Schema, Status
from ninja.decorators import decorate_view

from naungan.accounts.access import api_role_required
from naungan.accounts.roles import REPORT_TAKERS

from .. import selectors, services
from ..models import Report
from ..schemas import (
    CloseIn,
    HandOverIn,
    ReportDetailOut,
    ReportList,
    StaffReportCreated,
    StaffReportIn,
    TriageIn,
)
from .body import body_doc, json_body
from .submit import submit_answer

router = Router(tags=["reports"])


def report_item(report: Report) -> dict[str, Any]:
    return {
        "id": report.public_id,
        "tracking_code": report.tracking_code,
        "kind": report.kind,
        "channel": report.channel,
        "status": report.status,
        "triage": report.triage or None,
        "area_code": report.area.code if report.area else None,
        "received_at": report.received_at,
        "response_due_at": report.response_due_at,
        "overdue": selectors.report_is_overdue(report),
        "unread_messages": bool(getattr(report, "has_unread", False)),
        # From the field checklist at submission, then the desk's at triage (with the
        # instrument version that suggested it, on the detail).
        "triage_suggested": report.triage_suggested or None,
    }


class QueueFilters(Schema):
    status: str = ""
    kind: str = ""
    channel: str = ""
    area: str = ""
    violence_type: str = ""
    limit: int = 50
    offset: int = 0


@router.get(
    "",
    operation_id="naungan_reports_api_report_list",
    response=ReportList,
    summary="Intake queue",
    description=(
        "Reports in the caller's scope (intake, supervisors; activists see their own): open "
        "reports not yet triaged first (those whose field checklist suggests `emergency`, then "
        "`high`, then the rest; the longest waiting on top in each), then open ones by response "
        "deadline, then the others newest first. Filters `status`, `kind`, `channel`, "
        "`area` (code, includes sub-areas), `violence_type`; `limit` (max 200) and `offset`."
    ),
)
def report_list(request: HttpRequest, filters: Query[QueueFilters]) -> dict[str, Any]:
    qs = selectors.report_queue(
        user=request.user,
        status=filters.status,
        kind=filters.kind,
        channel=filters.channel,
        area_code=filters.area,
        violence_type=filters.violence_type,
    )
    limit = max(0, min(filters.limit, 200))
    offset = max(0, filters.offset)
    items = [report_item(r) for r in qs[offset : offset + limit]]
    return {"items": items, "count": qs.count()}


def _detail_body(report: Report) -> dict[str, Any]:
    messages = list(selectors.report_messages(report))
    return {
        **report_item(report),
        "description": report.description,
        "reporter_relation": report.reporter_relation,
        "anonymous": report.anonymous,
        "reporter_name": report.reporter_name,
        "reporter_phone": report.reporter_phone,
        "message_only": report.message_only,
        "victim": {"name": report.victim_name, "age": report.victim_age, "sex": report.victim_sex},
        "violence_types": report.violence_types,
        "victim_consent": report.victim_consent,
        "incident_date": report.incident_date,
        "location_detail": report.location_detail,
        "organisation": report.organisation.slug if report.organisation else None,
        "closed_reason": report.closed_reason,
        "triage_checklist": list(report.triage_checklist or []),
        "reported_checklist": list(report.reported_checklist or []),
        "triage_suggested_by": report.triage_suggested_by or None,
        "triage_reason": report.triage_reason,
        "messages": [
            {
                "from": m.sender,
                "author": m.author.get_username() if m.author else None,
                "body": m.body,
                "sent_at": m.sent_at,
                "read": m.read,
            }
            for m in messages
        ],
    }


@router.get(
    "/{report_id}",
    operation_id="naungan_reports_api_report_detail",
    response=ReportDetailOut,
    by_alias=True,
    summary="One report in scope",
    description="With description and the message thread. Outside scope → 404. Audited.",
)
def report_detail(request: HttpRequest, report_id: uuid.UUID) -> dict[str, Any]:
    report = selectors.report_get(user=request.user, report_id=report_id)
    services.report_view(actor=request.user, report=report, request=request)
    return _detail_body(report)


@router.post(
    "",
    operation_id="naungan_reports_api_report_create",
    response={201: StaffReportCreated},
    openapi_extra=body_doc(StaffReportIn),
    summary="Record a report taken by staff or an activist",
    description=(
        "Body as the public report plus `channel` (`hotline`, `walk_in`, `activist`, "
        "`referral_in`, `outreach`), optional `medium`, `source_reference`, `received_at`. "
        "Intake officers, supervisors and activists (whose channel is always `activist`). "
        "`Idempotency-Key` as for the public endpoint."
    ),
)
@api_role_required(REPORT_TAKERS)
def report_create(
    request: HttpRequest, idempotency_key: str = Header("", alias="Idempotency-Key")
) -> Any:
    user: Any = request.user
    return submit_answer(
        request, StaffReportIn, actor=user, key=idempotency_key.strip(), scope=f"staff:{user.pk}"
    )


def _act(request: HttpRequest, report_id: uuid.UUID, action: Callable[[Report], Any]) -> Any:
    report = selectors.report_get(user=request.user, report_id=report_id)
    action(report)  # refusals and bad fields reach the API's handlers
    report.refresh_from_db()
    return Status(200, report_item(report))


@router.post(
    "/{report_id}/triage",
    operation_id="naungan_reports_api_report_triage",
    response={200: dict},
    summary="Triage a report",
    description=(
        "Sets `emergency`/`high`/`medium`/`low` and the response deadline (received_at plus the "
        "unit's clock: by default 1, 3, 6 and 72 hours). `checklist` holds the quick checklist's "
        "ticked items (`danger_now`, `injury_or_recent_sexual`, `threat_weapon`, `child` suggest "
        "`emergency`; `no_safe_place`, `suicidal`, `pregnant_disability`, `trafficking` suggest "
        "`high`); a level below the suggestion needs `reason` (else 422 naming `reason`). "
        "Lowering an earlier level: supervisors only (else 409), with `reason`."
    ),
)
@decorate_view(json_body(TriageIn))
def report_triage(request: HttpRequest, report_id: uuid.UUID, payload: TriageIn) -> Any:
    return _act(
        request,
        report_id,
        lambda r: services.report_triage(
            actor=request.user,
            report=r,
            level=payload.level,
            checklist=payload.checklist,
            reason=payload.reason,
            request=request,
        ),
    )


@router.post(
    "/{report_id}/close",
    operation_id="naungan_reports_api_report_close",
    response={200: dict},
    summary="Close a report with a reason",
)
@decorate_view(json_body(CloseIn))
def report_close(request: HttpRequest, report_id: uuid.UUID, payload: CloseIn) -> Any:
    return _act(
        request,
        report_id,
        lambda r: services.report_close(
            actor=request.user, report=r, reason=payload.reason, request=request
        ),
    )


@router.post(
    "/{report_id}/hand-over",
    operation_id="naungan_reports_api_report_hand_over",
    response={200: dict},
    summary="Hand a report over to the competent body (pelimpahan)",
)
@decorate_view(json_body(HandOverIn))
def report_hand_over(request: HttpRequest, report_id: uuid.UUID, payload: HandOverIn) -> Any:
    return _act(
        request,
        report_id,
        lambda r: services.report_hand_over(
            actor=request.user, report=r, recipient=payload.recipient, request=request
        ),
    )
