"""Browser journeys of daily work in Indonesian, the default language: dates typed
into the plan and monitoring forms are kept, and a reporter writing after her report became
a case reaches the caseworker, who answers from the case."""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import date, timedelta
from functools import partial

import pytest

from naungan.core.testing.browser import create_staff, login, new_page

pytestmark = pytest.mark.browser
PASSWORD = "Kerja-Harian-2026!"
_staff = partial(create_staff, password=PASSWORD)
_page = new_page


def _team(app_server, prefix: str) -> None:
    for suffix, role in [("intake", "intake"), ("cw", "caseworker"), ("sup", "supervisor")]:
        _staff(app_server, f"{prefix}_{suffix}", role)


SETUP = """
from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
from naungan.reports.models import Report
intake = User.objects.get(username='{p}_intake')
sup = User.objects.get(username='{p}_sup')
cw = User.objects.get(username='{p}_cw')
code = '{code}'
if code:
    case = services.report_convert(actor=intake, report=Report.objects.get(tracking_code=code))
else:
    case = services.case_create(
        actor=intake, area=Area.objects.get(code='64.71.01'), channel='walk_in',
        violence_types=['physical'], description='Uji kerja harian',
        victims=[services.PersonIn(name='Mawar', age=30)])
services.case_assign(actor=sup, case=case, assignee=cw, lead=True)
print(case.public_id)
"""


def _case(app_server, prefix: str, code: str = "") -> str:
    return app_server.shell(SETUP.format(p=prefix, code=code)).splitlines()[-1]


def test_plan_and_monitoring_dates_are_kept_in_indonesian(app_server, browser):
    _team(app_server, "d9a")
    case_id = _case(app_server, "d9a")
    base = app_server.url
    cw = _page(browser)
    login(cw, base, "d9a_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")
    plans = f"{base}/kasus/{case_id}/rencana/"
    cw.goto(plans)
    assert "Susun rencana baru" in cw.locator("main").inner_text()  # Indonesian

    # A plan with two dated actions, saved, then opened again and saved again unchanged.
    cw.fill("#id_goals", "Klien aman dan pulih.")
    cw.fill("#id_actions-0-description", "Visum di RSUD")
    cw.fill("#id_actions-0-due_on", "2026-12-02")
    cw.fill("#id_actions-1-description", "Konseling psikolog")
    cw.fill("#id_actions-1-due_on", "2027-01-15")
    cw.click("button:has-text('Simpan draf')")
    cw.wait_for_url(plans)
    assert "Ubah draf rencana" in cw.locator("main").inner_text()
    assert cw.input_value("#id_actions-0-due_on") == "2026-12-02"
    assert cw.input_value("#id_actions-1-due_on") == "2027-01-15"
    cw.fill("#id_goals", "Klien aman, pulih dan kembali bersekolah.")
    cw.click("button:has-text('Simpan draf')")
    cw.wait_for_url(plans)
    cw.reload()
    assert cw.input_value("#id_actions-0-due_on") == "2026-12-02"
    assert cw.input_value("#id_actions-1-due_on") == "2027-01-15"
    stored = app_server.shell(
        "from zoneinfo import ZoneInfo\n"
        "from django.utils import timezone\n"
        "from naungan.cases.models import InterventionPlan\n"
        f"plan = InterventionPlan.objects.get(case__public_id='{case_id}')\n"
        "zone = ZoneInfo(plan.case.area.timezone)\n"
        "print(plan.goals)\n"
        "print(sorted(timezone.localtime(a.due_at, zone).date().isoformat()"
        " for a in plan.actions.all()))"
    )
    assert stored.splitlines()[-2] == "Klien aman, pulih dan kembali bersekolah."
    assert stored.splitlines()[-1] == "['2026-12-02', '2027-01-15']"

    # Monitoring: the review date is filled in (today) and readable by the date input.
    reviewed = cw.input_value("#id_reviewed_on")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed)
    # A refused entry (review date in the future) comes back with every date kept.
    future = (date.fromisoformat(reviewed) + timedelta(days=3)).isoformat()
    next_review = (date.fromisoformat(reviewed) + timedelta(days=14)).isoformat()
    cw.fill("#id_reviewed_on", future)
    cw.fill("#id_summary", "Kunjungan rumah, klien stabil.")
    cw.fill("#id_next_review_on", next_review)
    cw.click("button:has-text('Simpan catatan pemantauan')")
    assert "masa depan" in cw.locator("main").inner_text()
    assert cw.input_value("#id_reviewed_on") == future
    assert cw.input_value("#id_next_review_on") == next_review
    assert cw.input_value("#id_summary") == "Kunjungan rumah, klien stabil."
    cw.fill("#id_reviewed_on", reviewed)
    cw.click("button:has-text('Simpan catatan pemantauan')")
    cw.wait_for_url(plans)
    assert cw.get_by_test_id("monitoring").count() == 1
    entry = app_server.shell(
        "from naungan.cases.models import MonitoringEntry\n"
        f"m = MonitoringEntry.objects.get(case__public_id='{case_id}')\n"
        "print(m.reviewed_on.isoformat(), m.next_review_on.isoformat())"
    )
    assert entry.splitlines()[-1] == f"{reviewed} {next_review}"


def _public_report(base: str) -> tuple[str, str]:
    body = {
        "kind": "complaint",
        "reporter_relation": "victim",
        "anonymous": True,
        "violence_types": ["physical"],
        "description": "Suami saya memukul saya hampir setiap malam.",
        "area_code": "64.71.01",
    }
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        f"{base}/api/v1/public/reports",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        data = json.loads(response.read())
    return data["tracking_code"], data["pin"]


def _open_status(pg, base: str, code: str, pin: str) -> None:
    pg.goto(f"{base}/lapor/status/")
    pg.fill("#id_tracking_code", code)
    pg.fill("#id_pin", pin)
    pg.locator("[data-testid=status-form] button[type=submit]").click()


def test_reporter_writes_after_conversion_and_the_caseworker_answers(app_server, browser):
    _team(app_server, "d9b")
    base = app_server.url
    code, pin = _public_report(base)
    case_id = _case(app_server, "d9b", code)

    # The reporter writes after her report became a case.
    reporter = _page(browser)
    _open_status(reporter, base, code, pin)
    assert reporter.get_by_test_id("status-label").inner_text() == "Sedang ditangani"
    reporter.fill("#id_body", "Dia kembali lagi, saya takut.")
    reporter.get_by_test_id("send-message").click()
    assert "Pesan Anda terkirim." in reporter.locator("main").inner_text()

    # The caseworker is notified, finds the message marked on the case page and answers.
    cw = _page(browser)
    login(cw, base, "d9b_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")
    cw.goto(f"{base}/pemberitahuan/")
    assert "Pesan baru dari pelapor" in cw.get_by_test_id("notifications").inner_text()
    cw.get_by_test_id("notifications").get_by_role("link", name="buka kasus").first.click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/")
    unread = cw.get_by_test_id("unread-message")
    assert unread.count() == 1
    assert "Dia kembali lagi, saya takut." in unread.inner_text()
    cw.fill("#reply_body", "Kami segera datang. Tetap di tempat aman.")
    cw.get_by_test_id("case-reply").click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/#thread")
    thread = cw.get_by_test_id("case-thread").inner_text()
    assert "Kami segera datang." in thread
    assert cw.get_by_test_id("unread-message").count() == 0

    # The reporter sees the answer from "Petugas", without the caseworker's name.
    _open_status(reporter, base, code, pin)
    thread = reporter.get_by_test_id("thread").inner_text()
    assert "Kami segera datang. Tetap di tempat aman." in thread
    assert "Petugas" in thread
    assert "d9b_cw" not in thread
