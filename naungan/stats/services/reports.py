"""The monthly statistics report (DESIGN §13): one PDF per area, month and audience, made on
the task queue on the first of each month for the month before (``stats.tasks``) or on demand
(``manage.py stats_monthly_report``), kept for download. Supervisors get their file with every
number; analysts (and the province) the one with small cells hidden. Aggregates only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from naungan.areas.models import Area
from naungan.cases.services.summary import render_pdf

from ..models import Audience, MonthlyReport
from ..queries.counting import Period
from ..queries.dimensions import month_label
from ..router import stats_reads
from .simfoni import simfoni_mapping

REPORT_CSS = """
@page { size: A4; margin: 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #111; }
h1 { font-size: 15pt; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 0.4pt solid #555; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
th, td { border: 0.3pt solid #999; padding: 1mm 1.5mm; text-align: left; }
td.n { text-align: right; width: 22mm; }
.muted { color: #555; }
"""


@dataclass(frozen=True)
class _Reader:
    """Stands in for a reader of the audience when the report is made by the queue."""

    role: str
    area: Area
    is_authenticated: bool = True
    is_active: bool = True

    def in_scope(self, area: Area | None) -> bool:
        return bool(area and self.area.contains(area))


def report_context(*, area: Area, year: int, month: int, audience: str) -> dict[str, Any]:
    from .. import selectors
    from ..views.dashboard import CHARTED, _bars

    reader: Any = _Reader(role=audience, area=area)
    period = Period(area=area, year=year, month=month)
    with stats_reads():
        total = selectors.totals_raw_incidents(period)
        tables = [
            selectors.breakdown(user=reader, period=period, dimension=d, total=total)
            for d in ("area", *CHARTED)
        ]
        context = {
            "area": area,
            "period": period,
            "month_name": month_label(year, month),
            "totals": selectors.totals(user=reader, period=period),
            "charts": [(t, _bars(t)) for t in tables if t.cells],
            "clocks": selectors.clocks(user=reader, period=period),
            "services_by_unit": selectors.services_by_unit(user=reader, period=period),
            "extra": selectors.extra_sections(user=reader, period=period),
            "suppressed": audience != Audience.SUPERVISOR,
            "made_at": timezone.now(),
            "mapping": simfoni_mapping().version,
        }
    return context


@transaction.atomic
def monthly_report_make(*, area: Area, year: int, month: int, audience: str) -> MonthlyReport:
    """Make (or make again) the report; idempotent: one row per area, month and audience."""
    with translation.override("id"):
        html = render_to_string(
            "stats/report_pdf.html",
            report_context(area=area, year=year, month=month, audience=audience),
        )
        pdf = render_pdf(html.replace("</head>", f"<style>{REPORT_CSS}</style></head>"))
    report, _created = MonthlyReport.objects.update_or_create(
        area=area,
        year=year,
        month=month,
        audience=audience,
        defaults={"pdf": pdf, "mapping_version": simfoni_mapping().version},
    )
    return report


def report_areas() -> list[Area]:
    """The areas a monthly report is made for: every kota/kabupaten and province that has a
    UPTD PPA or a dinas (their readers' scopes)."""
    from naungan.orgs.models import Organisation

    codes = set(
        Organisation.objects.filter(kind__in=("uptd_ppa", "dinas")).values_list(
            "area__code", flat=True
        )
    )
    return list(Area.objects.filter(code__in=codes, level__in=("province", "regency")))


def previous_month(today: date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
