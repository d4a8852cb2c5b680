"""The reporter's thread on the case (DESIGN §3 MessageThread, §4): once a report becomes a
case, the reporter's messages reach the case's staff, who answer from the case. The thread
stays the report's (``ReportMessage``, encrypted body): the reporter reads and writes it on
``/lapor/status/`` with code and PIN and sees every staff answer as "Petugas"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from naungan.accounts.models import User
from naungan.cases.exceptions import NoReporterThread
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.reports.models import MessageSender, ReportMessage
from naungan.reports.services import report_message_text

from ..models import Case, Notification, NotificationKind
from ..selectors import case_thread, cases_writable_by
from ._common import _audit, _require_writer
from .notifications import notice_recipients, notices_email, supervisors_for


def case_thread_read(*, actor: User, case: Case, request: Any = None) -> list[ReportMessage]:
    """The case's reporter thread for ``actor``, oldest first, each message with ``unread``
    (a reporter message no one answering the case has read yet). When the reader writes on the
    case (its caseworkers, the area's supervisors), the reporter's messages become read, as on
    the report page before conversion; other readers (the intake officer who created it) leave
    them marked for the case's staff. Audited as a read of ``messages``. Callers: anyone who
    sees the case."""
    messages = list(case_thread(case=case))
    unread = [m.pk for m in messages if m.sender == MessageSender.REPORTER and not m.read]
    for m in messages:
        m.unread = m.pk in unread  # type: ignore[attr-defined]
    if case.source_report_id is None:
        return messages
    with transaction.atomic():
        if unread and cases_writable_by(actor).filter(pk=case.pk).exists():
            ReportMessage.objects.filter(pk__in=unread).update(read=True, updated_at=timezone.now())
        _audit(actor, AuditAction.VIEW, case, case, categories="messages", request=request)
    return messages


@transaction.atomic
def case_message_reply(*, actor: User, case: Case, body: Any, request: Any = None) -> ReportMessage:
    """Answer the reporter from the case. She sees "Petugas", never the author, who is
    recorded (DESIGN §3). A case not opened from a report has no reporter to answer (409).
    Callers: the case's writers (its caseworkers, the supervisors of its area)."""
    _require_writer(actor, case)
    if case.source_report_id is None:
        raise NoReporterThread
    text = report_message_text(body)
    message = ReportMessage.objects.create(
        report_id=case.source_report_id,
        sender=MessageSender.STAFF,
        author=actor,
        body=text,
        sent_at=timezone.now(),
    )
    # Answering is reading: what the reporter wrote before is no longer waiting.
    ReportMessage.objects.filter(
        report_id=case.source_report_id, sender=MessageSender.REPORTER, read=False
    ).update(read=True, updated_at=timezone.now())
    _audit(actor, AuditAction.CREATE, case, case, categories="messages", request=request)
    return message


def _notice_text(case: Case) -> str:
    return _("Pesan baru dari pelapor pada kasus %(number)s. Balas dari halaman kasus.") % {
        "number": case.registration_number
    }


def reporter_message_notify(*, message: ReportMessage) -> list[int]:
    """Notify the staff handling the case a report became of the reporter's new message: the
    case's lead and the supervisors whose area covers the case (named ones only for a
    restricted case), in the app and, for those with an address, by e-mail from the queue
    after commit. The notice names the case by registration number, never a person or the
    message. Called by ``report_message_from_reporter`` inside its transaction (registered
    in ``CasesConfig.ready``); nothing happens for a report that is not a case."""
    cases = list(
        Case.objects.filter(source_report_id=message.report_id)
        .select_related("area", "lead")
        .prefetch_related("restricted_to")
    )
    if not cases:
        return []
    supervisors = supervisors_for({c.area.code for c in cases})
    notices: list[Notification] = []
    for case in cases:
        for user in notice_recipients(case, first=case.lead, supervisors=supervisors):
            with override(user.preferred_language):  # read later, by that user
                text = _notice_text(case)
            notice = Notification(
                user=user,
                kind=NotificationKind.REPORTER_MESSAGE,
                case=case,
                message=text,
            )
            notice.full_clean(exclude=["user", "case"])
            notices.append(notice)
    created = Notification.objects.bulk_create(notices)
    ids = [n.pk for n in created if n.pk is not None]
    for notice in created:
        audit_record(
            actor=None,
            actor_label="system",
            action=AuditAction.CREATE,
            object_type="cases.notification",
            object_id=str(notice.case.public_id) if notice.case else "",
            area_code=notice.case.area.code if notice.case else "",
            reason=f"reporter message notice to user {notice.user_id}",
        )
    if ids:
        from ..tasks import email_reporter_message_notices

        transaction.on_commit(lambda: email_reporter_message_notices.enqueue(ids))
    return ids


def reporter_message_notices_email(*, ids: Iterable[int]) -> int:
    """E-mail the given reporter-message notices not yet sent (see ``notices_email``)."""
    qs = Notification.objects.filter(kind=NotificationKind.REPORTER_MESSAGE, pk__in=list(ids))
    return notices_email(
        qs,
        lambda n: (
            _("[Naungan] Pesan baru dari pelapor pada kasus %(n)s")
            % {"n": n.case.registration_number if n.case else ""}
        ),
    )
