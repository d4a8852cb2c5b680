"""Cases API: the case summary PDF."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse

from naungan.accounts.access import request_user
from naungan.cases import selectors
from naungan.cases.api import router
from naungan.cases.services import summary
from naungan.core.http import download_response


@router.get(
    "/{caseid:case_id}/summary.pdf",
    summary="Case summary PDF",
    description="Watermarked with who printed it and when; the print is audited. Everyone who "
    "sees the case. `Cache-Control: no-store`.",
    response={200: None},
)
def cases_summary_pdf(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    content = summary.case_summary_print(actor=user, case=case, request=request)
    return download_response(
        content, filename=summary.summary_filename(case), content_type="application/pdf"
    )
