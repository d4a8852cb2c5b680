"""The staff side: reading, replying, triage with response clocks, close, hand-over,
conversion to a case (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.roles import REPORT_DESK, SUPERVISORS, user_in
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from .. import conf
from ..models import (
    MessageSender,
    Report,
    ReportKind,
    ReportMessage,
    ReportStatus,
    TriageClock,
    TriageLevel,
)
from ._base import (
    CATEGORIES,
    NotAllowed,
    TransitionNotAllowed,
)
from .reporter import report_message_text
from .triage import (
    triage_checklist_clean,
    triage_checklist_items,
    triage_is_below,
    triage_suggestion,
    triage_suggestion_with_reported,
)

# --- The staff side ---------------------------------------------------------------------------


def _ensure_staff(actor: Any) -> None:
    if not user_in(actor, REPORT_DESK):
        raise NotAllowed


def report_view(*, actor: Any, report: Report, request: HttpRequest | None = None) -> None:
    """Record that staff opened a report (content read); reporter messages become read while
    the report is open. Once it is a case, they stay unread for the case's staff, who answer
    them from the case page."""
    with transaction.atomic():
        if user_in(actor, REPORT_DESK) and report.is_open:
            report.messages.filter(sender=MessageSender.REPORTER, read=False).update(read=True)
        audit_record(
            actor=actor, action=AuditAction.VIEW, obj=report, categories=CATEGORIES, request=request
        )


@transaction.atomic
def report_message_from_staff(
    *, actor: Any, report: Report, body: Any, request: HttpRequest | None = None
) -> ReportMessage:
    """Reply to the reporter. She sees "Petugas", never the author's name (recorded here)."""
    _ensure_staff(actor)
    text = report_message_text(body)
    message = ReportMessage.objects.create(
        report=report, sender=MessageSender.STAFF, author=actor, body=text, sent_at=timezone.now()
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=report, categories="messages", request=request
    )
    return message


def triage_clocks(organisation: Organisation | None) -> dict[str, int]:
    """The response clocks of ``organisation`` in clock hours, per level: the unit's own
    ``TriageClock`` rows, else the settings (``conf.triage_default_hours``: emergency 1 h,
    high 3 h, medium 6 h, low 72 h unless configured)."""
    own: dict[str, int] = {}
    if organisation is not None:
        own = dict(
            TriageClock.objects.filter(organisation=organisation).values_list("level", "hours")
        )
    return {level: own.get(level, conf.triage_default_hours(level)) for level in TriageLevel}


def triage_hours(organisation: Organisation | None, level: str) -> int:
    """The response clock of ``organisation`` for ``level`` (see ``triage_clocks``)."""
    return triage_clocks(organisation)[TriageLevel(level)]


@transaction.atomic
def report_triage(
    *,
    actor: Any,
    report: Report,
    level: str,
    checklist: list[str] | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Report:
    """Set the triage level; the response deadline is received_at plus the unit's clock for
    the level (clock hours, DESIGN §4), so a level change never restarts the clock. The quick
    checklist's answers are kept with the report; a level below the checklist's suggestion
    needs a reason (DESIGN §8). Only a supervisor may lower an earlier level, and only with a
    reason (DESIGN §4). The reason is stored and audited. Callers: intake and supervisors."""
    _ensure_staff(actor)
    if level not in TriageLevel.values:
        raise ValidationError(
            {"level": _("Pilihan tidak dikenal. Pilihan: %(c)s") % {"c": ", ".join(TriageLevel)}}
        )
    found = triage_checklist_items()  # read once for the checks below
    items = triage_checklist_clean(checklist, found=found)
    reason = (reason or "").strip()
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_open:
        raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
    old = report.triage
    if triage_is_below(level, old):
        if not user_in(actor, SUPERVISORS):
            raise TransitionNotAllowed(_("Hanya supervisor yang boleh menurunkan tingkat triase."))
        if not reason:
            raise ValidationError({"reason": _("Alasan wajib diisi untuk menurunkan tingkat.")})
    reported = list(report.reported_checklist or [])
    suggested, suggested_by = triage_suggestion_with_reported(items, reported, found)
    if triage_is_below(level, suggested) and not reason:
        own = triage_suggestion(items, found)[0]
        field_only = not own or triage_is_below(own, suggested)
        message = (
            _(
                "Jawaban dari pelapor di lapangan menyarankan %(level)s. Pilih tingkat itu, "
                "atau tulis alasan memilih tingkat yang lebih rendah."
            )
            if field_only
            else _(
                "Daftar periksa menyarankan %(level)s. Pilih tingkat itu, atau tulis alasan "
                "memilih tingkat yang lebih rendah."
            )
        )
        raise ValidationError({"reason": message % {"level": TriageLevel(suggested).label}})
    report.triage = level
    report.triage_checklist = items
    report.triage_suggested = suggested
    report.triage_suggested_by = suggested_by if suggested else ""
    report.triage_reason = reason
    report.triaged_at = timezone.now()
    report.triaged_by = actor
    report.response_due_at = report.received_at + dt.timedelta(
        hours=triage_hours(report.organisation, level)
    )
    report.status = ReportStatus.TRIAGED
    report.save(
        update_fields=[
            "triage",
            "triage_checklist",
            "triage_suggested",
            "triage_suggested_by",
            "triage_reason",
            "triaged_at",
            "triaged_by",
            "response_due_at",
            "status",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="triage",
        reason=f"triage {old or '-'} -> {level}"
        + (f" (checklist suggests {suggested}, {suggested_by or 'built-in'})" if suggested else "")
        + (f": {reason}" if reason else ""),
        request=request,
    )
    return report


def _finish(
    *, actor: Any, report: Report, status: str, reason: str, request: HttpRequest | None
) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_open:
        raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
    report.status = status
    report.closed_reason = reason
    report.closed_at = timezone.now()
    report.save(update_fields=["status", "closed_reason", "closed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="status",
        reason=f"status -> {status}" + (f": {reason}" if reason else ""),
        request=request,
    )
    return report


@transaction.atomic
def report_close(
    *, actor: Any, report: Report, reason: str, request: HttpRequest | None = None
) -> Report:
    """Close an open report with a reason (e.g. information given, curhat answered)."""
    _ensure_staff(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Alasan wajib diisi.")})
    return _finish(
        actor=actor,
        report=report,
        status=ReportStatus.CLOSED,
        reason=reason.strip(),
        request=request,
    )


@transaction.atomic
def report_hand_over(
    *, actor: Any, report: Report, recipient: str, request: HttpRequest | None = None
) -> Report:
    """Hand an open report over (*pelimpahan*) to the competent body, named in ``recipient``:
    a report outside the unit's authority is accepted first, then handed over (DESIGN §4)."""
    _ensure_staff(actor)
    if not (recipient or "").strip():
        raise ValidationError({"recipient": _("Sebutkan lembaga penerima pelimpahan.")})
    return _finish(
        actor=actor,
        report=report,
        status=ReportStatus.HANDED_OVER,
        reason=recipient.strip(),
        request=request,
    )


def report_mark_converted(*, actor: Any, report: Report) -> Report:
    """Mark an open report as converted to a case. Called by the cases app inside the
    transaction that creates the case (the case keeps the report's received_at). A curhat is
    first turned into a complaint with ``report_curhat_to_complaint``."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.is_open:
            raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
        if report.kind == ReportKind.CURHAT:
            raise TransitionNotAllowed(
                _("Curhat harus diubah menjadi pengaduan dulu (dengan persetujuan pelapor).")
            )
        report.status = ReportStatus.CONVERTED
        report.closed_at = timezone.now()
        report.save(update_fields=["status", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=report,
            categories="status",
            reason="status -> converted",
        )
    return report


@transaction.atomic
def report_curhat_to_complaint(
    *,
    actor: Any,
    report: Report,
    reporter_agreed: bool,
    danger_reason: str = "",
    request: HttpRequest | None = None,
) -> Report:
    """Turn a curhat into a complaint. The reporter must agree, except for immediate danger to
    a life or a child: then a supervisor decides with a written reason (DESIGN §4). The
    original received_at is kept."""
    _ensure_staff(actor)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.kind != ReportKind.CURHAT or not report.is_open:
        raise TransitionNotAllowed(_("Hanya curhat yang masih terbuka yang dapat diubah."))
    reason = (danger_reason or "").strip()
    if not reporter_agreed:
        if not user_in(actor, SUPERVISORS):
            raise TransitionNotAllowed(
                _("Tanpa persetujuan pelapor hanya supervisor yang boleh mengubah curhat.")
            )
        if not reason:
            raise ValidationError({"danger_reason": _("Tuliskan alasan bahaya yang mendesak.")})
    report.kind = ReportKind.COMPLAINT
    report.save(update_fields=["kind", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="kind",
        reason="curhat -> complaint: "
        + ("reporter agreed" if reporter_agreed else f"immediate danger: {reason}"),
        request=request,
    )
    return report
