"""The edge of report submission, shared by the public and the staff endpoint: read the body
once through its schema, call the one submit service, answer 201 with the code and PIN."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from .. import services
from ..schemas import PublicReportIn
from .body import NO_STORE, detail, parse_body


def submit_answer(
    request: HttpRequest, schema: type[PublicReportIn], *, actor: Any, key: str, scope: str
) -> JsonResponse:
    """``Idempotency-Key`` at most 100 characters, then the body, then
    ``services.report_submission``; its refusals (429, 409, 422) reach the API's handler."""
    if len(key) > 100:
        return detail(
            422, [{"loc": ["header", "Idempotency-Key"], "msg": _("Paling banyak 100 karakter.")}]
        )
    payload = parse_body(request, schema)
    if isinstance(payload, JsonResponse):
        return payload
    data, clean = payload.cleaned
    submission = services.report_submission(
        actor=actor,
        data=data,
        clean=clean,
        client_ip=getattr(request, "client_ip", "") or "",
        idempotency_key=key,
        idempotency_scope=scope,
        request=request,
    )
    # A replay answers the status and body of the first answer (always 201).
    response = JsonResponse(submission.body, status=201)
    response["Cache-Control"] = NO_STORE
    if submission.replayed:
        response["Idempotent-Replayed"] = "true"
    return response
