"""Report pages show times in the zone of the report's area, named (DESIGN §6): a report from
Palangka Raya reads in WIB, one from Balikpapan in WITA, an hour apart for the same moment."""

from __future__ import annotations

import datetime as dt

import pytest

from naungan.areas.models import Area
from naungan.reports import services
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2026, 5, 5, 6, 30, tzinfo=dt.UTC)  # 14:30 WITA, 13:30 WIB


def _report(area_code: str) -> Report:
    result = services.report_submit(
        actor=None,
        data=services.ReportInput(
            kind="complaint",
            reporter_relation="witness",
            violence_types=["physical"],
            description="Tetangga saya dipukul suaminya tadi malam.",
            area_code=area_code,
        ),
    )
    assert result.report is not None
    Report.objects.filter(pk=result.report.pk).update(received_at=MOMENT)
    return result.report


def _kalteng_kelurahan() -> str:
    area = Area.objects.filter(code__startswith="62.", level="village").order_by("code").first()
    assert area is not None
    assert area.timezone == "Asia/Jakarta"
    return area.code


@pytest.mark.parametrize(
    ("persona", "area", "shown"),
    [
        ("intake_bpp", "64.71.01", "5 Mei 2026 14:30 WITA"),
        ("intake_kalteng", None, "5 Mei 2026 13:30 WIB"),
    ],
)
def test_report_page_and_queue_name_the_area_zone(personas, persona, area, shown):
    report = _report(area or _kalteng_kelurahan())
    client = personas[persona].client
    page = client.get(f"/laporan/{report.public_id}/").content.decode()
    assert shown in page
    queue = client.get("/laporan/").content.decode()
    assert shown in queue
