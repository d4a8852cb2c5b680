"""Reports API: public reporting without authentication, and the staff intake queue
(CONTRACT §4). Thin: validation, scope and rules live in services and selectors."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Header, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import ValidationError as PydanticValidationError

from naungan.api_base import token_auth
from naungan.core import ratelimit

from . import conf, selectors, services
from .models import Report, ReportMessage
from .schemas import (
    RULE_ERROR,
    CloseIn,
    HandOverIn,
    MessageCreated,
    MessageIn,
    PublicReportIn,
    PublicReportOut,
    PublicStatusOut,
    ReportDetailOut,
    ReportList,
    StaffReportCreated,
    StaffReportIn,
    TriageIn,
)

router = Router(tags=["reports"])

NO_STORE = "no-store"


def _detail(status: int, detail: Any, **headers: str) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["Cache-Control"] = NO_STORE
    return response


_TYPE_MESSAGES = {
    "missing": "Wajib diisi.",
    "int": "Harus bilangan bulat.",
    "bool": "Harus true atau false.",
    "string": "Harus berupa teks.",
    "list": "Harus berupa daftar.",
    "date": "Tanggal tidak valid (format TTTT-BB-HH).",
    "datetime": "Waktu tidak valid (format ISO 8601).",
    "model": "Harus berupa objek JSON.",
    "dict": "Harus berupa objek JSON.",
}


def _pydantic_message(error: Any) -> str:
    kind = str(error.get("type", ""))
    if kind == "literal_error":
        return _("Pilihan tidak dikenal. Pilihan: %(c)s") % {
            "c": str(error.get("ctx", {}).get("expected", ""))
        }
    for prefix, message in _TYPE_MESSAGES.items():
        if kind == prefix or kind.startswith(prefix + "_"):
            return _(message)
    return _("Nilai tidak valid.")


def _error_detail(exc: PydanticValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": ["body", *e["loc"]],
            "msg": e["msg"] if e["type"] == RULE_ERROR else _pydantic_message(e),
        }
        for e in exc.errors()
    ]


def _parse_body[S: Schema](request: HttpRequest, schema: type[S]) -> S | JsonResponse:
    """Read and validate a JSON body once: too big (413), malformed JSON (400), not an object
    or invalid fields (422), each answer ``{"detail": ...}`` naming the field in the user's
    language; else the validated schema."""
    too_big = _detail(
        413,
        [{"loc": ["body"], "msg": _("Isi permintaan terlalu besar (maks. 64 KiB).")}],
    )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > conf.MAX_JSON_BYTES:
        return too_big
    try:
        raw = request.body
    except RequestDataTooBig:
        return too_big
    if len(raw) > conf.MAX_JSON_BYTES:
        return too_big
    try:
        data = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError):
        return _detail(400, [{"loc": ["body"], "msg": _("JSON tidak valid.")}])
    if not isinstance(data, dict):
        return _detail(422, [{"loc": ["body"], "msg": _("Harus berupa objek JSON.")}])
    try:
        return schema.model_validate(data)
    except PydanticValidationError as exc:
        return _detail(422, _error_detail(exc))


def _body_doc(schema: type[Schema]) -> dict[str, Any]:
    """OpenAPI request body of an endpoint that parses its body itself (``_parse_body``)."""
    doc = schema.model_json_schema(mode="validation")
    defs = doc.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    content = {"application/json": {"schema": inline(doc)}}
    return {"requestBody": {"content": content, "required": True}}


def json_body(schema: type[Schema], *, public: bool = False) -> Callable[..., Any]:
    """Guard a JSON endpoint before ninja parses it (``_parse_body``'s answers). Nothing
    reaches the service unless this passes. Staff endpoints authenticate first, so that a
    caller without a token learns nothing but 401."""

    def decorator(run: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(run)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not public and token_auth(request) is None:
                return run(request, *args, **kwargs)  # ninja answers 401
            parsed = _parse_body(request, schema)
            if isinstance(parsed, JsonResponse):
                return parsed
            return run(request, *args, **kwargs)

        return wrapper

    return decorator


_FIELD_LOC = {
    "victim_name": ["victim", "name"],
    "victim_age": ["victim", "age"],
    "victim_sex": ["victim", "sex"],
}


def _validation_detail(exc: DjangoValidationError) -> list[dict[str, Any]]:
    if not hasattr(exc, "error_dict"):
        return [{"loc": ["body"], "msg": " ".join(exc.messages)}]
    return [
        {"loc": ["body", *_FIELD_LOC.get(name, [name])], "msg": " ".join(msgs)}
        for name, msgs in exc.message_dict.items()
    ]


def _submit(
    request: HttpRequest, schema: type[PublicReportIn], *, actor: Any, key: str, scope: str
) -> Any:
    if len(key) > 100:
        return _detail(
            422, [{"loc": ["header", "Idempotency-Key"], "msg": _("Paling banyak 100 karakter.")}]
        )
    try:
        services.report_actor_check(actor)
    except services.ReportError as exc:
        return _detail(exc.status_code, exc.message)
    payload = _parse_body(request, schema)
    if isinstance(payload, JsonResponse):
        return payload
    data, clean = payload.cleaned
    ip = getattr(request, "client_ip", "") or ""
    rate = conf.submit_rate()
    # Counted first, decided on the count; given back unless a new report was stored.
    hit = ratelimit.count("submit", ip, rate) if actor is None else None
    stored = False
    try:
        if hit is not None and not hit.allowed:
            replay = services.report_replay(scope=scope, key=key, data=data) if key else None
            if replay is None:
                return _detail(
                    429,
                    _("Terlalu banyak laporan dari alamat ini. Coba lagi nanti."),
                    Retry_After=str(hit.retry_after),
                )
            result = replay
        else:
            result = services.report_submit(
                actor=actor,
                data=data,
                request=request,
                idempotency_key=key,
                idempotency_scope=scope,
                clean=clean,
            )
            stored = not result.replayed
    except DjangoValidationError as exc:
        return _detail(422, _validation_detail(exc))
    except services.SubmissionInProgress as exc:
        return _detail(409, exc.message, Retry_After="1")
    except services.ReportError as exc:
        return _detail(exc.status_code, exc.message)
    finally:
        if hit is not None and hit.allowed and not stored:
            ratelimit.give_back("submit", ip, rate)
    response = JsonResponse(result.body, status=result.status_code)
    response["Cache-Control"] = NO_STORE
    if result.replayed:
        response["Idempotent-Replayed"] = "true"
    return response


# --- Public ------------------------------------------------------------------------------------


@router.post(
    "/public/reports",
    auth=None,
    response={201: PublicReportOut},
    openapi_extra=_body_doc(PublicReportIn),
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
    # The body is parsed and validated once, in _submit (not by ninja as well).
    return _submit(request, PublicReportIn, actor=None, key=idempotency_key.strip(), scope="public")


def _reporter_access(request: HttpRequest, tracking_code: str, pin: str) -> Report | JsonResponse:
    access = services.report_reporter_access(
        tracking_code=tracking_code, pin=pin, client_ip=getattr(request, "client_ip", "") or ""
    )
    if access.refused:
        return _detail(429, access.refusal_message(), Retry_After=str(access.retry_after))
    if access.report is None:
        return _detail(404, "Not Found")
    return access.report


def _public_messages(messages: list[ReportMessage]) -> list[dict[str, Any]]:
    return [{"from": m.sender, "body": m.body, "sent_at": m.sent_at} for m in messages]


@router.get(
    "/public/reports/{tracking_code}",
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
    access = _reporter_access(request, tracking_code, pin)
    if isinstance(access, JsonResponse):
        return access
    messages = services.report_reporter_view(report=access, request=request)
    return Status(
        200,
        {
            "tracking_code": access.tracking_code,
            "status": services.public_status(access),
            "messages": _public_messages(messages),
        },
    )


@router.post(
    "/public/reports/{tracking_code}/messages",
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
    access = _reporter_access(request, tracking_code, pin)
    if isinstance(access, JsonResponse):
        return access
    try:
        message = services.report_message_from_reporter(
            report=access, body=payload.body, request=request
        )
    except DjangoValidationError as exc:
        return _detail(422, _validation_detail(exc))
    return Status(201, {"sent_at": message.sent_at})


# --- Staff -------------------------------------------------------------------------------------


def _item(report: Report) -> dict[str, Any]:
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
    "/reports",
    response=ReportList,
    summary="Intake queue",
    description=(
        "Reports in the caller's scope (intake, supervisors; activists see their own), untriaged "
        "first, then by response deadline, newest first. Filters `status`, `kind`, `channel`, "
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
    items = [_item(r) for r in qs[offset : offset + limit]]
    return {"items": items, "count": qs.count()}


def _detail_body(report: Report) -> dict[str, Any]:
    messages = list(selectors.report_messages(report))
    return {
        **_item(report),
        "description": report.description,
        "reporter_relation": report.reporter_relation,
        "anonymous": report.anonymous,
        "reporter_name": report.reporter_name,
        "reporter_phone": report.reporter_phone,
        "message_only": report.message_only,
        "victim": {"name": report.victim_name, "age": report.victim_age, "sex": report.victim_sex},
        "violence_types": report.violence_types,
        "incident_date": report.incident_date,
        "location_detail": report.location_detail,
        "organisation": report.organisation.slug if report.organisation else None,
        "closed_reason": report.closed_reason,
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
    "/reports/{report_id}",
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
    "/reports",
    response={201: StaffReportCreated},
    openapi_extra=_body_doc(StaffReportIn),
    summary="Record a report taken by staff or an activist",
    description=(
        "Body as the public report plus `channel` (`hotline`, `walk_in`, `activist`, "
        "`referral_in`, `outreach`), optional `medium`, `source_reference`, `received_at`. "
        "Intake officers, supervisors and activists (whose channel is always `activist`). "
        "`Idempotency-Key` as for the public endpoint."
    ),
)
def report_create(
    request: HttpRequest, idempotency_key: str = Header("", alias="Idempotency-Key")
) -> Any:
    user: Any = request.user
    return _submit(
        request, StaffReportIn, actor=user, key=idempotency_key.strip(), scope=f"staff:{user.pk}"
    )


def _act(request: HttpRequest, report_id: uuid.UUID, action: Callable[[Report], Any]) -> Any:
    report = selectors.report_get(user=request.user, report_id=report_id)
    try:
        action(report)
    except DjangoValidationError as exc:
        return _detail(422, _validation_detail(exc))
    except services.ReportError as exc:
        return _detail(exc.status_code, exc.message)
    report.refresh_from_db()
    return Status(200, _item(report))


@router.post(
    "/reports/{report_id}/triage",
    response={200: dict},
    summary="Triage a report",
    description=(
        "Sets `emergency`/`high`/`medium`/`low` and the response deadline (received_at plus the "
        "unit's clock). Lowering a level: supervisors only, with `reason`."
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
    "/reports/{report_id}/messages",
    response={201: MessageCreated},
    summary="Reply to the reporter",
    description="The reporter sees the reply from “Petugas”; the author is recorded.",
)
@decorate_view(json_body(MessageIn))
def report_reply(request: HttpRequest, report_id: uuid.UUID, payload: MessageIn) -> Any:
    report = selectors.report_get(user=request.user, report_id=report_id)
    try:
        message = services.report_message_from_staff(
            actor=request.user, report=report, body=payload.body, request=request
        )
    except DjangoValidationError as exc:
        return _detail(422, _validation_detail(exc))
    except services.ReportError as exc:
        return _detail(exc.status_code, exc.message)
    return Status(201, {"sent_at": message.sent_at})


@router.post(
    "/reports/{report_id}/close",
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
    "/reports/{report_id}/hand-over",
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
