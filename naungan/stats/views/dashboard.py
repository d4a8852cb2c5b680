"""The statistics dashboard (CONTRACT §3 ``/statistik/``): the reader's area, drilled down by
area and month, every dimension as a server-made SVG chart with its table under it, a ranked
list of areas, the services and the clocks. Supervisors' numbers link to the case list;
analysts see hidden cells as "<5" and no link."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from naungan.accounts.access import request_user, role_required
from naungan.accounts.models import User
from naungan.accounts.roles import STATISTICS_READERS
from naungan.areas.models import Area
from naungan.core.http import error_text

from .. import selectors
from ..exceptions import BadParameter
from ..queries.counting import BASES, INCIDENT, REPORT, Period
from ..queries.dimensions import DIMENSIONS, month_label

# The dimensions drawn on the dashboard below the area and month ones, in this order.
CHARTED = [d for d in DIMENSIONS if d not in ("area", "month")]


def _int(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise BadParameter(name) from None


def period_from_request(request: HttpRequest, user: User) -> Period:
    """The area, year, month and date basis of the query string, checked (404 / 422)."""
    area = selectors.stats_area_get(user=user, code=request.GET.get("area"))
    return selectors.stats_period_get(
        area=area,
        year=_int(request, "year"),
        month=_int(request, "month"),
        basis=request.GET.get("basis", REPORT) or REPORT,
    )


def dashboard_url(period: Period, **changes: Any) -> str:
    params: dict[str, Any] = {"area": period.area.code, "year": period.year}
    if period.month:
        params["month"] = period.month
    if period.basis != REPORT:
        params["basis"] = period.basis
    params.update(changes)
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return reverse("stats:dashboard") + "?" + urlencode(params)


def _trail(user: User, area: Area, period: Period) -> list[dict[str, str]]:
    """Province → kota → kecamatan → kelurahan down to ``area``, a link for each in scope."""
    codes = [c for c in (area.province_code, area.regency_code, area.district_code, area.code) if c]
    areas = {a.code: a for a in Area.objects.filter(code__in=codes)}
    out = []
    for code in dict.fromkeys(codes):
        a = areas.get(code)
        if a is None:
            continue
        url = dashboard_url(period, area=code) if user.in_scope(a) and code != area.code else ""
        out.append({"name": a.name, "url": url})
    return out


def _bars(table: selectors.Table) -> dict[str, Any]:
    """Geometry of a horizontal bar chart (viewBox units): each row a label line and a bar."""
    width, label_h, bar_h, gap = 400, 21, 15, 9
    scale = table.max_value
    rows = []
    y = 0
    for cell in table.cells:
        w = 0 if cell.value is None else round(300 * cell.value / scale)
        rows.append(
            {
                "cell": cell,
                "label_y": y + 16,
                "bar_y": y + label_h,
                "width": w,
                "value_x": w + 6,
                "value_y": y + label_h + 12,
            }
        )
        y += label_h + bar_h + gap
    return {"rows": rows, "width": width, "height": max(y, 1)}


def dashboard_context(user: User, period: Period) -> dict[str, Any]:
    totals = selectors.totals(user=user, period=period)
    raw_total = selectors.totals_raw_incidents(period)
    # The cases behind the counted incidents (a supervisor's total beside every table).
    cases = totals["cases"] if selectors.reads_unsuppressed(user) else None
    areas = selectors.breakdown(
        user=user, period=period, dimension="area", total=raw_total, cases_total=cases
    )
    has_children = Area.objects.filter(parent=period.area).exists()
    for cell in areas.cells:
        cell.drill = dashboard_url(period, area=cell.key)
    months = selectors.breakdown(
        user=user, period=period, dimension="month", total=raw_total, cases_total=cases
    )
    for cell in months.cells:
        cell.drill = dashboard_url(period, month=int(cell.key[-2:]))
    charts = [
        selectors.breakdown(
            user=user, period=period, dimension=d, total=raw_total, cases_total=cases
        )
        for d in CHARTED
    ]
    return {
        "period": period,
        "unsuppressed": selectors.reads_unsuppressed(user),
        "totals": totals,
        "trail": _trail(user, period.area, period),
        "areas": areas if has_children else None,
        "areas_chart": _bars(areas) if has_children else None,
        "ranked": selectors.ranked_areas(areas) if has_children else [],
        "child_level": selectors.child_level_name(period.area),
        "months": months,
        "months_chart": _bars(months),
        "charts": [(t, _bars(t)) for t in charts],
        "services_by_unit": selectors.services_by_unit(user=user, period=period),
        "services_by_month": selectors.services_by_month(user=user, period=period),
        "clocks": selectors.clocks(user=user, period=period),
        "extra": selectors.extra_sections(user=user, period=period),
        "month_name": month_label(period.year, period.month) if period.month else "",
        "years": list(range(timezone.localdate().year, selectors.FIRST_YEAR - 1, -1))[:6],
        "month_choices": [(m, month_label(period.year, m)) for m in range(1, 13)],
        "bases": BASES,
        "INCIDENT": INCIDENT,
        "year_url": dashboard_url(period, month=""),
        "csv_url": reverse("stats:simfoni_csv") + "?" + _export_query(period),
        "xlsx_url": reverse("stats:simfoni_xlsx") + "?" + _export_query(period),
    }


def _export_query(period: Period) -> str:
    params: dict[str, Any] = {"area": period.area.code, "year": period.year}
    if period.month:
        params["month"] = period.month
    return urlencode(params)


@require_GET
@role_required(STATISTICS_READERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    try:
        period = period_from_request(request, user)
    except BadParameter as exc:
        return render(
            request,
            "stats/dashboard_error.html",
            {"message": error_text(exc), "parameter": exc.parameter},
            status=exc.status,
        )
    return render(request, "stats/dashboard.html", dashboard_context(user, period))
