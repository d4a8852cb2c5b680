"""The reporter's message thread of a case."""

from __future__ import annotations

from django.db.models import QuerySet

from naungan.cases.models import (
    Case,
)
from naungan.reports.models import ReportMessage


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
