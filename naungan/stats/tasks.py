"""Background work of the statistics app (``django.tasks``, database backend)."""

from __future__ import annotations

from django.tasks import task

from naungan.areas.models import Area

from .models import Audience
from .services.reports import monthly_report_make, previous_month, report_areas


@task()
def make_monthly_report(area_code: str, year: int, month: int) -> int:
    """Both audiences' reports of one area and month. Idempotent (a second run replaces the
    files with the same figures)."""
    area = Area.objects.get(code=area_code)
    for audience in Audience.values:
        monthly_report_make(area=area, year=year, month=month, audience=audience)
    return len(Audience.values)


@task()
def make_last_months_reports() -> int:
    """Enqueued on the first of each month (``manage.py stats_monthly_report --enqueue`` from
    cron or a systemd timer): one task per area for the month before."""
    year, month = previous_month()
    areas = report_areas()
    for area in areas:
        make_monthly_report.enqueue(area.code, year, month)
    return len(areas)
