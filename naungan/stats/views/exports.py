"""The SIMFONI-PPA export from the dashboard (the same files as the API, signed in)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_GET

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import STATISTICS_READERS
from naungan.core.http import download_response

from ..exceptions import BadParameter
from ..router import stats_alias
from ..services import simfoni
from .dashboard import dashboard, period_from_request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@role_required(STATISTICS_READERS)
def simfoni_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    user = request_user(request)
    try:
        period = period_from_request(request, user)
    except BadParameter:  # the dashboard shows which parameter
        return dashboard(request)
    simfoni.simfoni_export_audit(actor=user, period=period, fmt="csv", request=request)
    response = StreamingHttpResponse(
        simfoni.simfoni_csv_stream(period, using=stats_alias()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{simfoni.simfoni_filename(period, "csv")}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@role_required(STATISTICS_READERS)
def simfoni_xlsx(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    try:
        period = period_from_request(request, user)
    except BadParameter:  # the dashboard shows which parameter
        return dashboard(request)
    simfoni.simfoni_export_audit(actor=user, period=period, fmt="xlsx", request=request)
    return download_response(
        simfoni.simfoni_xlsx(period, using=stats_alias()),
        filename=simfoni.simfoni_filename(period, "xlsx"),
        content_type=XLSX,
    )
