"""The monthly PDF report (DESIGN §13): made per area and audience, suppression for analysts,
kept for download by the readers of that area, on the task queue and on demand."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.template.loader import render_to_string

from naungan.areas.models import Area
from naungan.core.models import AuditEvent
from naungan.stats.models import Audience, MonthlyReport
from naungan.stats.services.reports import monthly_report_make, report_context

from .conftest import YEAR


def _text(html: str) -> str:
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import TextBox

    doc = HTML(string=html).render()
    out: list[str] = []

    def walk(box: Any) -> None:
        if isinstance(box, TextBox):
            out.append(box.text)
        for child in getattr(box, "children", []):
            walk(child)

    for page in doc.pages:
        walk(page._page_box)
    return " ".join(out)


def test_the_analysts_report_hides_small_cells_the_supervisors_does_not(case_with: Any) -> None:
    case_with(7)
    case_with(3, area="64.71.02")
    area = Area.objects.get(code="64.71")
    analyst = render_to_string(
        "stats/report_pdf.html",
        report_context(area=area, year=YEAR, month=3, audience=Audience.ANALYST),
    )
    supervisor = render_to_string(
        "stats/report_pdf.html",
        report_context(area=area, year=YEAR, month=3, audience=Audience.SUPERVISOR),
    )
    a, s = _text(analyst), _text(supervisor)
    assert a.count("<5") > 3  # cells, not only the sentence explaining them
    assert "<5" not in s
    assert "Balikpapan" in a
    assert "Siti" not in a + s  # never a name


def test_made_on_demand_kept_and_downloaded_by_its_readers(case_with: Any, personas: Any) -> None:
    case_with(2)
    call_command("stats_monthly_report", "--area", "64.71", "--year", str(YEAR), "--month", "3")
    assert MonthlyReport.objects.count() == 2
    again = monthly_report_make(
        area=Area.objects.get(code="64.71"), year=YEAR, month=3, audience=Audience.ANALYST
    )
    assert MonthlyReport.objects.count() == 2  # idempotent
    assert bytes(again.pdf).startswith(b"%PDF")
    page = personas["analyst_bpp"].client.get("/statistik/laporan-bulanan/")
    assert page.status_code == 200
    assert str(again.public_id) in page.content.decode()
    r = personas["analyst_bpp"].client.get(f"/statistik/laporan-bulanan/{again.public_id}/unduh/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.filter(object_type="stats.monthlyreport", action="export").exists()
    sup_version = MonthlyReport.objects.get(audience=Audience.SUPERVISOR)
    url = f"/statistik/laporan-bulanan/{sup_version.public_id}/unduh/"
    assert personas["analyst_bpp"].client.get(url).status_code == 404
    assert personas["supervisor_kalteng"].client.get(url).status_code == 404
    assert personas["supervisor_bpp"].client.get(url).status_code == 200


def test_the_queue_makes_last_months_reports(case_with: Any, orgs: Any) -> None:
    from naungan.stats.tasks import make_monthly_report

    make_monthly_report.call("64.71", YEAR, 3)
    assert MonthlyReport.objects.filter(area__code="64.71").count() == 2
