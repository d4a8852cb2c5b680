"""The case summary PDF."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from naungan.accounts.access import request_user
from naungan.cases import selectors
from naungan.cases.services import summary
from naungan.core.http import download_response


@login_required
def summary_pdf(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """The case summary PDF (watermarked, audited) for everyone who sees the case."""
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    content = summary.case_summary_print(actor=user, case=case, request=request)
    return download_response(
        content, filename=summary.summary_filename(case), content_type="application/pdf"
    )
