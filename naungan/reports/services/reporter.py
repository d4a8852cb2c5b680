"""The reporter's side: lookup by tracking code and PIN, plain status, message thread."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.registry import reporter_message_listeners

from .. import conf
from ..codes import pin_matches, tracking_code_normalize
from ..models import (
    MessageSender,
    Report,
    ReportMessage,
    ReportStatus,
)

# --- The reporter's side (code + PIN) ---------------------------------------------------------


def report_for_reporter(*, tracking_code: str, pin: str) -> Report | None:
    """The report behind a code and PIN, or None. A wrong PIN and an unknown code are
    indistinguishable, in answer and in cost."""
    code = tracking_code_normalize(tracking_code)
    report = Report.objects.filter(tracking_code=code).first() if code else None
    ok = pin_matches(pin, report.pin_hash if report else None)
    return report if ok else None


PUBLIC_STATUS = {
    ReportStatus.RECEIVED: "received",
    ReportStatus.TRIAGED: "in_progress",
    ReportStatus.CONVERTED: "in_progress",
    ReportStatus.HANDED_OVER: "in_progress",
    ReportStatus.CLOSED: "closed",
}


def public_status(report: Report) -> str:
    """What the reporter sees: received, in progress or closed, never case details."""
    return PUBLIC_STATUS[ReportStatus(report.status)]


def report_reporter_view(*, report: Report, request: HttpRequest | None = None) -> list[Any]:
    """The reporter opens her status page: audited; staff messages become read."""
    with transaction.atomic():
        messages = list(report.messages.order_by("sent_at", "id"))
        unread = [m.pk for m in messages if m.sender == MessageSender.STAFF and not m.read]
        if unread:
            ReportMessage.objects.filter(pk__in=unread).update(read=True)
        audit_record(
            actor=None,
            action=AuditAction.VIEW,
            obj=report,
            categories="status,messages",
            request=request,
            actor_label="reporter",
        )
    return messages


def report_message_text(body: Any) -> str:
    """The body of a thread message, stripped; empty or too long → ``ValidationError`` naming
    ``body``. Shared by every writer of the thread (reporter, report staff, case staff)."""
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ValidationError({"body": _("Pesan tidak boleh kosong.")})
    if len(text) > conf.MESSAGE_MAX:
        raise ValidationError(
            {"body": _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": conf.MESSAGE_MAX}}
        )
    return text


@transaction.atomic
def report_message_from_reporter(
    *, report: Report, body: Any, request: HttpRequest | None = None
) -> ReportMessage:
    """The reporter writes to the UPTD PPA; the message shows as unread in the queue and, once
    the report is a case, on the case page, whose staff the registered listeners notify."""
    text = report_message_text(body)
    now = timezone.now()
    message = ReportMessage.objects.create(
        report=report, sender=MessageSender.REPORTER, body=text, sent_at=now
    )
    Report.objects.filter(pk=report.pk).update(last_reporter_message_at=now)
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=report,
        categories="messages",
        request=request,
        actor_label="reporter",
    )
    for listener in reporter_message_listeners():
        listener(message=message)
    return message
