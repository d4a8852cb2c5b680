"""Aggregate counts (CONTRACT §4 ``GET /api/v1/stats/summary``) and one dimension's breakdown."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import STATISTICS_READERS

from .. import selectors
from ..queries.counting import REPORT
from ..schemas import BreakdownOut, SummaryOut
from . import router


@router.get(
    "/summary",
    response=SummaryOut,
    summary="Aggregate counts of an area and year",
    description=(
        "Counts only incidents with reporting consent and not reported to another recording "
        "organisation, by report date. `area` defaults to the caller's area, `year` to this "
        "year. For an analyst every cell below 5 is `null`, and a second cell where the parts "
        "add up to the total; supervisors see every number. An area outside the caller's "
        "scope answers 404; an unknown area or a year out of range 422 naming it."
    ),
)
@api_role_required(STATISTICS_READERS)
def stats_summary(
    request: HttpRequest, area: str | None = None, year: int | None = None
) -> dict[str, Any]:
    user = request_user(request)
    where = selectors.stats_area_get(user=user, code=area)
    period = selectors.stats_period_get(area=where, year=year)
    return selectors.summary(user=user, period=period)


@router.get(
    "/breakdown",
    response=BreakdownOut,
    summary="Counted incidents by one dimension",
    description=(
        "`dimension` one of `area` (the areas one level down), `month`, `violence_type`, "
        "`gbv_type`, `tpks_type`, `age_group`, `sex`, `disability`, `place`, `relationship`, "
        "`perpetrator_age_group`, `channel`, `service` (service episodes by type); `basis` "
        "`report` (default) or `incident` (the incident date). Suppression as `summary`."
    ),
)
@api_role_required(STATISTICS_READERS)
def stats_breakdown(
    request: HttpRequest,
    dimension: str = "area",
    area: str | None = None,
    year: int | None = None,
    month: int | None = None,
    basis: str = REPORT,
) -> dict[str, Any]:
    user = request_user(request)
    where = selectors.stats_area_get(user=user, code=area)
    period = selectors.stats_period_get(area=where, year=year, month=month, basis=basis)
    selectors.dimension_check(dimension)
    total = selectors.totals_raw_incidents(period)
    table = selectors.breakdown(user=user, period=period, dimension=dimension, total=total)
    items = [{"key": c.key, "label": c.label, "count": c.value} for c in table.cells]
    return {
        "area": where.code,
        "year": period.year,
        "month": period.month,
        "basis": period.basis,
        "dimension": dimension,
        "total": table.total,
        "items": items,
        "count": len(items),
    }
