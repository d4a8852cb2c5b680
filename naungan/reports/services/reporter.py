"""The reporter's side: lookup by tracking code and PIN, plain status, message thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from naungan.core import ratelimit
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
from ._base import ReporterLocked, ReporterNotFound

# --- The reporter's side (code + PIN) ---------------------------------------------------------


def report_for_reporter(*, tracking_code: str, pin: str) -> Report | None:
    """The report behind a code and PIN, or None. A wrong PIN and an unknown code are
    indistinguishable, in answer and in cost."""
    code = tracking_code_normalize(tracking_code)
    report = Report.objects.filter(tracking_code=code).first() if code else None
    ok = pin_matches(pin, report.pin_hash if report else None)
    return report if ok else None


@dataclass(frozen=True)
class ReporterAccess:
    """The outcome of one attempt with a code and PIN: the report (right PIN), nothing
    (wrong PIN or unknown code: the same 404), or a refusal until ``retry_at`` (429)."""

    report: Report | None = None
    retry_after: int = 0  # seconds; > 0 means refused

    @property
    def refused(self) -> bool:
        return self.retry_after > 0

    @property
    def retry_at(self) -> dt.datetime:
        return timezone.now() + dt.timedelta(seconds=self.retry_after)

    def refusal_message(self) -> str:
        """What a refused reporter reads, in her language, with the time to try again."""
        local = timezone.localtime(self.retry_at)
        return _(
            "Terlalu banyak percobaan kode atau PIN yang salah. Demi keamanan, akses ditutup "
            "sementara. Coba lagi setelah pukul %(time)s."
        ) % {"time": f"{formats.time_format(local, 'TIME_FORMAT')} {local.tzname()}"}


def report_reporter_access(*, tracking_code: str, pin: str, client_ip: str) -> ReporterAccess:
    """Check a code and PIN under two limits (CONTRACT §4): wrong PINs per tracking code from
    any clients (ten an hour: then the code is locked, the right PIN included, until the hour
    is over) and wrong PINs per client address.

    Each attempt is counted before the PIN is checked and the check runs only while the counts
    allow it, so parallel guesses can never get more checks than the limit; a right PIN gives
    its counts back. Unknown codes are counted like known ones (a lock says nothing about
    whether a code exists). The counters hold keyed hashes only."""
    code = tracking_code_normalize(tracking_code)
    code_rate, client_rate = conf.pin_code_rate(), conf.pin_rate()
    code_hit = ratelimit.count("pin-code", code, code_rate) if code else None
    if code_hit is not None and not code_hit.allowed:
        return ReporterAccess(retry_after=code_hit.retry_after)
    client_hit = ratelimit.count("pin", client_ip, client_rate)
    if client_hit is not None and not client_hit.allowed:
        if code:
            ratelimit.give_back("pin-code", code, code_rate)
        return ReporterAccess(retry_after=client_hit.retry_after)
    report = report_for_reporter(tracking_code=tracking_code, pin=pin)
    if report is not None:
        if code:
            ratelimit.give_back("pin-code", code, code_rate)
        ratelimit.give_back("pin", client_ip, client_rate)
        return ReporterAccess(report=report)
    if code and code_hit is not None and code_hit.count == code_hit.limit:
        _record_lock(code, until=code_hit.reset_at)
    return ReporterAccess()


def report_reporter_get(*, tracking_code: str, pin: str, client_ip: str) -> Report:
    """``report_reporter_access`` for the edges: the report, or a domain error —
    ``ReporterLocked`` (429 with Retry-After and the time to try again) or
    ``ReporterNotFound`` (the 404 of a missing record, wrong PIN and unknown code alike)."""
    access = report_reporter_access(tracking_code=tracking_code, pin=pin, client_ip=client_ip)
    if access.refused:
        raise ReporterLocked(access.refusal_message(), retry_after=access.retry_after)
    if access.report is None:
        raise ReporterNotFound
    return access.report


def _record_lock(code: str, *, until: float) -> None:
    """Note on the report, and in the audit log, that wrong PINs locked its code: intake may
    want to warn the reporter through another channel. No address of anyone is recorded."""
    report = Report.objects.filter(tracking_code=code).first()
    if report is None:
        return
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(
            pin_locked_until=dt.datetime.fromtimestamp(until, tz=dt.UTC)
        )
        audit_record(
            actor=None,
            action=AuditAction.DENIED,
            obj=report,
            categories="pin",
            reason="pin_locked",
            outcome="locked",
            actor_label="system",
        )


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
