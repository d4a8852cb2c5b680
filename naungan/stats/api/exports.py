"""The SIMFONI-PPA export (CONTRACT §4 ``GET /api/v1/stats/simfoni.csv``), and as XLSX."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import STATISTICS_READERS
from naungan.core.http import download_response

from .. import selectors
from ..router import stats_alias
from ..services import simfoni
from . import router

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request: HttpRequest, area: str | None, year: int | None, month: int | None):  # type: ignore[no-untyped-def]
    user = request_user(request)
    where = selectors.stats_area_get(user=user, code=area)
    return user, selectors.stats_period_get(area=where, year=year, month=month)


@router.get(
    "/simfoni.csv",
    summary="SIMFONI-PPA export (CSV, streamed)",
    description=(
        "A header row, then one row per counted incident with the SIMFONI-PPA dimensions "
        "(versioned mapping) and an anonymous incident key; no name, NIK, phone, address or "
        "birth date. Supervisors and analysts of the area; audited."
    ),
)
@api_role_required(STATISTICS_READERS)
def simfoni_csv(
    request: HttpRequest, area: str | None = None, year: int | None = None, month: int | None = None
) -> StreamingHttpResponse:
    user, period = _period(request, area, year, month)
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


@router.get(
    "/simfoni.xlsx",
    summary="SIMFONI-PPA export (XLSX)",
    description="The rows of `simfoni.csv` as a spreadsheet. Audited.",
)
@api_role_required(STATISTICS_READERS)
def simfoni_xlsx(
    request: HttpRequest, area: str | None = None, year: int | None = None, month: int | None = None
) -> HttpResponse:
    user, period = _period(request, area, year, month)
    simfoni.simfoni_export_audit(actor=user, period=period, fmt="xlsx", request=request)
    return download_response(
        simfoni.simfoni_xlsx(period, using=stats_alias()),
        filename=simfoni.simfoni_filename(period, "xlsx"),
        content_type=XLSX,
    )
