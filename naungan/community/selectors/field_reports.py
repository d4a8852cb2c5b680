"""Reads of activists' field reports (CONTRACT §4): an activist sees the status of the reports
they made (the reporter's words: received, in progress, closed), never the case behind them;
the chair of a group sees how many the group's members made, by status, never their content."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from naungan.orgs.models import Organisation
from naungan.reports.models import Channel, Report, ReportStatus
from naungan.reports.selectors import reports_visible_to
from naungan.reports.services import PUBLIC_STATUS

from ..models import Membership

# The reporter's status words, in order.
STATUS_ORDER = ("received", "in_progress", "closed")


def own_field_reports(user: Any) -> QuerySet[Report]:
    """The reports the activist made (``reports_visible_to`` decides: their own only)."""
    return (
        reports_visible_to(user)
        .order_by("-received_at")
        .only("public_id", "tracking_code", "status", "received_at", "kind", "area")
    )


def field_report_status(report: Report) -> str:
    return PUBLIC_STATUS[ReportStatus(report.status)]


def group_report_counts(group: Organisation) -> dict[str, int]:
    """Reports of the group's members (current and former, through the activist channel), by
    the reporter's status words: counts only, never a report."""
    members = Membership.objects.filter(group=group).values("user_id")
    rows = (
        Report.objects.filter(created_by__in=members, channel=Channel.ACTIVIST)
        .values("status")
        .annotate(n=Count("id"))
    )
    out = dict.fromkeys(STATUS_ORDER, 0)
    for row in rows:
        out[PUBLIC_STATUS[ReportStatus(row["status"])]] += row["n"]
    return out
