"""Browser journey in Indonesian: the night-shift intake officer triages a new emergency. The
desk is otherwise clear (every other open report triaged); the new report waits on top, she
ticks "Anak dalam bahaya", the form suggests Darurat, she saves, sees the confirmation, and
the report leads the queue with the time left, not red. On a phone (360 × 740) the queue
still shows its Triase and Batas respons columns without scrolling sideways.

Set ``NAUNGAN_SCREENSHOTS=/some/dir`` to keep screenshots of the pages at both sizes."""

from __future__ import annotations

import json
import os
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from naungan.core.testing.browser import axe_violations, login
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}

# The other open reports of the desk get a level; the new one was received 12 minutes ago.
SETUP = """
import datetime as dt
from django.utils import timezone
from naungan.accounts.models import User
from naungan.reports import selectors, services
from naungan.reports.models import Report
intake = User.objects.get(username='intake_bpp')
for other in selectors.reports_visible_to(intake).filter(status='received').exclude(
        tracking_code='{code}'):
    services.report_triage(actor=intake, report=other, level='low', reason='sudah ditangani')
Report.objects.filter(tracking_code='{code}').update(
    received_at=timezone.now() - dt.timedelta(minutes=12))
"""


def _public_report(base: str) -> str:
    body = {
        "kind": "complaint",
        "reporter_relation": "family",
        "anonymous": True,
        "violence_types": ["physical"],
        "description": "Keponakan saya yang berumur 6 tahun ditinggal sendirian dan dipukuli.",
        "area_code": "64.71.03",
    }
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        f"{base}/api/v1/public/reports",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        return str(json.loads(response.read())["tracking_code"])


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("NAUNGAN_SCREENSHOTS", "")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width} px wide"


def test_intake_triages_an_emergency_at_night_and_sees_it_on_top_with_time_left(
    app_server: Any, page: Any
) -> None:
    code = _public_report(app_server.url)
    app_server.shell(SETUP.format(code=code))
    page.set_viewport_size(DESKTOP)
    login(page, app_server.url, "intake_bpp", DEMO_PASSWORD)
    page.wait_for_url(f"{app_server.url}/")

    page.goto(f"{app_server.url}/laporan/")
    first = page.get_by_test_id("queue-row").first
    assert code in first.inner_text()
    assert "Belum ditriase" in first.inner_text()
    assert "menunggu 12 menit" in first.inner_text()
    _shot(page, "queue-untriaged-1366")

    first.get_by_role("link", name=code).click()
    page.wait_for_url(f"{app_server.url}/laporan/**")
    triage = page.get_by_test_id("triage")
    assert "Belum ada saran" in triage.inner_text()
    assert not page.get_by_role("button", name="Hitung saran").is_visible()  # the script runs
    triage.get_by_label("Anak dalam bahaya atau sendirian").check()
    assert "Saran daftar periksa: Darurat" in page.get_by_test_id("triage-suggestion").inner_text()
    level = triage.get_by_label("Tingkat triase")
    assert level.input_value() == "emergency"
    # A lower level asks for a reason before the form goes.
    level.select_option("high")
    assert page.get_by_test_id("reason-needed").is_visible()
    level.select_option("emergency")
    assert not page.get_by_test_id("reason-needed").is_visible()
    page.get_by_test_id("triage-save").click()

    page.wait_for_load_state()
    confirmation = page.locator(".messages").inner_text()
    assert re.search(r"Triase disimpan: Darurat, batas respons sisa 4[6-8] menit\.", confirmation)
    left = page.get_by_test_id("time-left")
    assert re.fullmatch(r"sisa 4[6-8] menit", left.inner_text())
    assert "overdue" not in (left.get_attribute("class") or "")
    assert page.get_by_label("Anak dalam bahaya atau sendirian").is_checked()
    _shot(page, "report-triaged-1366")

    page.goto(f"{app_server.url}/laporan/")
    first = page.get_by_test_id("queue-row").first
    assert code in first.inner_text()
    assert "Darurat" in first.get_by_test_id("queue-triage").inner_text()
    assert re.fullmatch(r"sisa 4[6-8] menit", first.get_by_test_id("time-left").inner_text())
    assert "table-danger" not in (first.get_attribute("class") or "")
    assert "terlambat" not in page.locator("main").inner_text()
    _shot(page, "queue-triaged-1366")

    page.set_viewport_size(PHONE)
    page.reload()
    _no_sideways_scroll(page)
    for header in ("Triase", "Batas respons"):
        box = page.get_by_role("columnheader", name=header).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"], header
    first = page.get_by_test_id("queue-row").first
    assert first.get_by_test_id("time-left").is_visible()
    _shot(page, "queue-triaged-360")
    first.get_by_role("link", name=code).click()
    page.wait_for_url(f"{app_server.url}/laporan/**")
    _no_sideways_scroll(page)
    _shot(page, "report-triaged-360")


LATE = """
import datetime as dt
from django.utils import timezone
from naungan.accounts.models import User
from naungan.reports import services
from naungan.reports.models import Report
report = Report.objects.get(tracking_code='{code}')
services.report_triage(actor=User.objects.get(username='intake_bpp'), report=report,
                       level='emergency')
Report.objects.filter(pk=report.pk).update(
    response_due_at=timezone.now() - dt.timedelta(minutes=10))
"""


def test_queue_and_report_page_have_no_serious_accessibility_violations_on_a_phone(
    app_server: Any, axe_page: Any
) -> None:
    code = _public_report(app_server.url)
    app_server.shell(LATE.format(code=_public_report(app_server.url)))  # a red row too
    axe_page.set_viewport_size(PHONE)
    login(axe_page, app_server.url, "intake_bpp", DEMO_PASSWORD)
    axe_page.wait_for_url(f"{app_server.url}/")
    axe_page.goto(f"{app_server.url}/laporan/")
    assert axe_violations(axe_page) == []
    axe_page.get_by_role("link", name=code).first.click()
    axe_page.wait_for_url(f"{app_server.url}/laporan/**")
    assert axe_violations(axe_page) == []


def test_without_javascript_the_form_suggests_and_refuses_a_lower_level_beside_the_reason(
    app_server: Any, browser: Any
) -> None:
    code = _public_report(app_server.url)
    context = browser.new_context(locale="id-ID", java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.set_viewport_size(PHONE)
        login(page, app_server.url, "intake_bpp", DEMO_PASSWORD)
        page.wait_for_url(f"{app_server.url}/")
        page.goto(f"{app_server.url}/laporan/")
        page.get_by_role("link", name=code).first.click()
        page.wait_for_url(f"{app_server.url}/laporan/**")
        triage = page.get_by_test_id("triage")
        triage.get_by_label("Pikiran bunuh diri").check()
        page.get_by_role("button", name="Hitung saran").click()
        page.wait_for_load_state()
        assert (
            "Saran daftar periksa: Tinggi" in page.get_by_test_id("triage-suggestion").inner_text()
        )
        assert triage.get_by_label("Tingkat triase").input_value() == "high"
        triage.get_by_label("Tingkat triase").select_option("medium")
        page.get_by_test_id("triage-save").click()
        page.wait_for_load_state()
        error = page.locator("#triage_reason_error")
        assert "Daftar periksa menyarankan Tinggi" in error.inner_text()
        assert page.get_by_label("Pikiran bunuh diri").is_checked()
        assert page.get_by_label("Alasan", exact=True).evaluate(
            "el => el === document.activeElement"
        )
        _no_sideways_scroll(page)
        _shot(page, "report-refused-nojs-360")
        page.get_by_label("Alasan", exact=True).fill("Korban sudah di rumah aman bersama kakaknya")
        page.get_by_test_id("triage-save").click()
        page.wait_for_load_state()
        assert "Triase disimpan: Sedang" in page.locator(".messages").inner_text()
        assert "Korban sudah di rumah aman bersama kakaknya" in triage.inner_text()
    finally:
        context.close()
