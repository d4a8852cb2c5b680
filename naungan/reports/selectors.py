"""Reads of reports, always scoped to the user (DESIGN §11)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, REPORT_DESK, user_in
from naungan.core.registry import AuditTarget
from naungan.core.selectors import area_scope_q, audit_uuid_ids

from .models import (
    OPEN_STATUSES,
    MessageSender,
    Report,
    ReportAttachment,
    ReportMessage,
    TriageLevel,
)


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """The one place that decides which reports a user may see.

    Intake officers and supervisors: reports whose area lies in their scope, plus reports
    without an area routed to their own organisation (the city unit). Activists: the reports
    they took themselves. Everyone else (caseworkers, providers, analysts, admins): none."""
    if user_in(user, REPORT_DESK):
        q = area_scope_q(user) | Q(created_by=user)
        if getattr(user, "organisation_id", None):
            q |= Q(area__isnull=True, organisation_id=user.organisation_id)
        return Report.objects.filter(q)
    if user_in(user, ACTIVISTS):
        return Report.objects.filter(created_by=user)
    return Report.objects.none()


def report_get(*, user: Any, report_id: uuid.UUID | str) -> Report:
    """One report in scope; 404 for a missing report and for one outside scope alike."""
    try:
        public_id = uuid.UUID(str(report_id))
    except ValueError:
        raise Http404 from None
    report = (
        reports_visible_to(user)
        .select_related("area", "organisation", "created_by", "triaged_by")
        .filter(public_id=public_id)
        .first()
    )
    if report is None:
        raise Http404
    return report


def report_queue(
    *,
    user: Any,
    status: str = "",
    kind: str = "",
    channel: str = "",
    area_code: str = "",
    violence_type: str = "",
    open_only: bool = False,
) -> QuerySet[Report]:
    """The intake queue, in the order the desk works it (DESIGN §4): open reports not yet
    triaged first, those whose field checklist suggests an emergency, then high, then the rest
    (``Report.triage_suggested``, set when an activist ticked the checklist), in each the
    longest waiting (oldest received) at the top; then triaged open
    reports by response deadline, the earliest first; reports no longer open (``open_only``
    off) last, newest first. Unread reporter messages are annotated as ``has_unread``."""
    qs = reports_visible_to(user).select_related("area")
    if status:
        qs = qs.filter(status=status)
    elif open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if kind:
        qs = qs.filter(kind=kind)
    if channel:
        qs = qs.filter(channel=channel)
    if area_code:
        qs = qs.filter(Q(area__code=area_code) | Q(area__code__startswith=area_code + "."))
    if violence_type:
        # JSON containment is not portable (SQLite); the quoted value in the JSON text is.
        qs = qs.filter(violence_types__icontains=f'"{violence_type}"')
    unread = ReportMessage.objects.filter(
        report=OuterRef("pk"), sender=MessageSender.REPORTER, read=False
    )
    is_open = Q(status__in=OPEN_STATUSES)
    untriaged = is_open & Q(response_due_at__isnull=True)
    group = Case(
        When(untriaged & Q(triage_suggested=TriageLevel.EMERGENCY), then=Value(0)),
        When(untriaged & Q(triage_suggested=TriageLevel.HIGH), then=Value(1)),
        When(untriaged, then=Value(2)),
        When(is_open, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    # Inside a group the other keys are equal (NULL): untriaged by receipt, triaged by
    # deadline then receipt, closed ones newest first.
    return qs.annotate(has_unread=Exists(unread), queue_group=group).order_by(
        "queue_group",
        Case(When(is_open, then=F("response_due_at"))).asc(),
        Case(When(is_open, then=F("received_at"))).asc(),
        F("received_at").desc(),
        "-id",
    )


def report_is_overdue(report: Report) -> bool:
    return bool(
        report.is_open and report.response_due_at and report.response_due_at < timezone.now()
    )


def report_messages(report: Report) -> QuerySet[ReportMessage]:
    return report.messages.select_related("author").order_by("sent_at", "id")


def report_attachments(report: Report) -> QuerySet[ReportAttachment]:
    """The attachments of a report already fetched through ``report_get`` (without the
    encrypted bytes: a list never loads files)."""
    return report.attachments.defer("blob").order_by("id")


def report_attachment_get(
    *, user: Any, report_id: uuid.UUID | str, attachment_id: uuid.UUID | str
) -> ReportAttachment:
    """One attachment of a report in scope (the same rule as the report, ``report_get``);
    404 for a missing attachment and for one outside scope alike."""
    report = report_get(user=user, report_id=report_id)
    try:
        public_id = uuid.UUID(str(attachment_id))
    except ValueError:
        raise Http404 from None
    attachment = report.attachments.filter(public_id=public_id).first()
    if attachment is None:
        raise Http404
    attachment.report = report
    return attachment


# --- the audit log (core.registry.register_audit_kind) -----------------------------------------


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    """A report by its tracking code, linked to its page, for a reader who may open it
    (``reports_visible_to``). The tracking code is half of the reporter's key to her thread
    (code + PIN): anyone else (an administrator) reads "Laporan" and a short id, never the
    code."""
    ids = audit_uuid_ids(object_ids)
    visible = {
        str(r.public_id): r
        for r in reports_visible_to(reader)
        .filter(public_id__in=ids)
        .only("public_id", "tracking_code")
    }
    out = {}
    for i in ids:
        report = visible.get(i)
        if report is None:
            out[i] = AuditTarget(label=_("Laporan %(id)s") % {"id": i[:8]})
        else:
            out[i] = AuditTarget(
                label=_("Laporan %(code)s") % {"code": report.tracking_code},
                url=reverse("reports:detail", args=[report.public_id]),
            )
    return out


def audit_search(reader: Any, text: str) -> Q:
    """Events of the reports the reader may open whose tracking code contains ``text``."""
    ids = (
        reports_visible_to(reader)
        .filter(tracking_code__icontains=text)
        .values_list("public_id", flat=True)[:50]
    )
    return Q(object_type="reports.report", object_id__in=[str(i) for i in ids])
