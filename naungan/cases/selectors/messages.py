"""The reporter's message thread of a case, and the cases whose reporter waits for an
answer (the home page)."""

from __future__ import annotations

from django.db.models import Count, Min, Q, QuerySet

from naungan.accounts.models import User
from naungan.cases.models import (
    Case,
    CaseStatus,
)
from naungan.cases.selectors.cases import assigned_case_ids
from naungan.reports.models import MessageSender, ReportMessage

_UNREAD = Q(
    source_report__messages__sender=MessageSender.REPORTER,
    source_report__messages__read=False,
)


def cases_with_unread_messages(*, user: User) -> QuerySet[Case]:
    """Open cases the user works on (lead or co-worker) whose reporter wrote messages nobody
    answering the case has read yet, annotated with ``unread`` (how many) and
    ``waiting_since`` (the oldest unread one); the longest waiting first. Messages become read
    when a writer of the case opens it or answers (``case_thread_read``)."""
    return (
        Case.objects.filter(pk__in=assigned_case_ids(user), source_report__isnull=False)
        .exclude(status=CaseStatus.CLOSED)
        .annotate(
            unread=Count("source_report__messages", filter=_UNREAD),
            waiting_since=Min("source_report__messages__sent_at", filter=_UNREAD),
        )
        .filter(unread__gt=0)
        .select_related("area")
        .order_by("waiting_since", "pk")
    )


def case_thread(*, case: Case) -> QuerySet[ReportMessage]:
    """The reporter's thread of the report the case came from (DESIGN §3 MessageThread),
    oldest first; none for a case opened directly. The caller already looked the case up
    through ``case_get``/``case_detail`` (the case's scope is the thread's)."""
    if case.source_report_id is None:
        return ReportMessage.objects.none()
    return (
        ReportMessage.objects.filter(report_id=case.source_report_id)
        .select_related("author")
        .order_by("sent_at", "id")
    )
