"""The monthly statistics reports kept for download."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import STATISTICS_READERS
from naungan.core.audit import audit_record
from naungan.core.http import download_response
from naungan.core.models import AuditAction

from .. import selectors
from ..queries.dimensions import month_label


@require_GET
@role_required(STATISTICS_READERS)
def report_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    reports = list(selectors.monthly_reports_visible_to(user)[:120])
    rows = [{"report": r, "month": month_label(r.year, r.month)} for r in reports]
    return render(request, "stats/reports.html", {"rows": rows})


@require_GET
@role_required(STATISTICS_READERS)
def report_download(request: HttpRequest, monthly_report_id: UUID) -> HttpResponse:
    user = request_user(request)
    report = selectors.monthly_report_get(user=user, report_id=monthly_report_id)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        obj=report,
        categories=f"monthly_report,{report.audience}",
        request=request,
    )
    name = f"statistik-{report.area.code}-{report.year}-{report.month:02d}.pdf"
    return download_response(bytes(report.pdf), filename=name, content_type="application/pdf")
