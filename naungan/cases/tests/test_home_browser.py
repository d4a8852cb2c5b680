"""Browser journeys of the home page in Indonesian (issue 11): the supervisor finds the
unassigned emergency case on top of her home page and assigns it; the caseworker finds it on
hers and in her notices. A reporter's message shows on the caseworker's home page."""

from __future__ import annotations

import json
import re
import urllib.request

import pyotp
import pytest

from naungan.core.testing.browser import create_staff, login, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Beranda-Kerja-2026!"
UNIT = "uptd-ppa-balikpapan"


def _staff(app_server, username: str, role: str, name: str) -> str:
    """A staff account of the Balikpapan unit with a person's name; a supervisor gets TOTP
    (her role must have a second factor): returns its secret."""
    create_staff(app_server, username, role, password=PASSWORD, org=UNIT)
    first, last = name.split(" ", 1)
    secret = pyotp.random_base32() if role == "supervisor" else ""
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"u = User.objects.get(username='{username}')\n"
        f"u.first_name, u.last_name = '{first}', '{last}'\n"
        "u.save()\n"
        f"if '{secret}': TOTP.activate(u, '{secret}')"
    )
    return secret


def _signed_in(browser, app_server, username: str, secret: str = "", size=None):
    context = browser.new_context(locale="id-ID", viewport=size or {"width": 1366, "height": 768})
    context.set_default_timeout(15_000)
    page = context.new_page()
    base = app_server.url
    login(page, base, username, PASSWORD)
    if secret:
        page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
        page.fill("#id_code", totp_code(secret))
        page.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    page.wait_for_url(f"{base}/")
    return page


NEW_CASES = """
from datetime import timedelta
from django.utils import timezone
from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
intake = User.objects.get(username='intake_bpp')
def case(triage, hours, types):
    return services.case_create(
        actor=intake, area=Area.objects.get(code='64.71.05'), channel='hotline',
        received_at=timezone.now() - timedelta(hours=hours), violence_types=types,
        triage=triage, description='Uji beranda',
        victims=[services.PersonIn(name='Melati Beranda', age=12)])
medium = case('medium', 2, ['physical'])
emergency = case('emergency', 80, ['sexual'])
print(emergency.public_id, emergency.registration_number, medium.registration_number)
print(User.objects.get(username='h11_cw').pk)
"""


def test_supervisor_assigns_the_emergency_on_top_and_the_caseworker_is_told(app_server, browser):
    base = app_server.url
    secret = _staff(app_server, "h11_sup", "supervisor", "Sri Supervisor")
    _staff(app_server, "h11_cw", "caseworker", "Rina Pendamping")
    out = app_server.shell(NEW_CASES).splitlines()
    case_id, number, medium_number = out[-2].split(" ")
    cw_pk = out[-1]

    # The supervisor's home: the Darurat case without a lead is the first line, a link.
    sup = _signed_in(browser, app_server, "h11_sup", secret)
    unassigned = sup.get_by_test_id("home-unassigned")
    assert "Kasus belum ditugaskan" in unassigned.inner_text()
    first = unassigned.get_by_test_id("home-unassigned-case").first
    assert number in first.inner_text()
    assert "Darurat" in first.inner_text()
    assert medium_number in unassigned.inner_text()
    assert "Tidak ada tugas terbuka" not in sup.locator("main").inner_text()
    first.click()
    sup.wait_for_url(f"{base}/kasus/{case_id}/")

    # She assigns it to the caseworker from the case page.
    form = sup.get_by_test_id("assign-form")
    form.locator("select[name=user]").select_option(value=cw_pk)
    form.get_by_role("button", name="Tugaskan").click()
    sup.wait_for_url(f"{base}/kasus/{case_id}/")
    assert "Penugasan disimpan." in sup.locator(".messages").inner_text()
    sup.goto(f"{base}/")
    assert number not in sup.get_by_test_id("home-unassigned").inner_text()

    # The caseworker: the case is new on her home page and in her notices.
    cw = _signed_in(browser, app_server, "h11_cw")
    new = cw.get_by_test_id("home-new-cases")
    assert number in new.inner_text()
    assert "Darurat" in new.inner_text()
    assert "Sri Supervisor" in new.inner_text()
    badge = cw.get_by_test_id("nav-notifications").inner_text()
    assert re.search(r"\d", badge)
    cw.get_by_test_id("nav-notifications").click()
    cw.wait_for_url(f"{base}/pemberitahuan/")
    notices = cw.get_by_test_id("notifications").inner_text()
    assert f"Anda ditunjuk sebagai pendamping utama kasus {number}." in notices
    assert "Ditugaskan" in notices

    # Opening the case takes it off the list of new cases.
    cw.goto(f"{base}/")
    cw.get_by_test_id("home-new-case").filter(has_text=number).click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/")
    cw.goto(f"{base}/")
    assert cw.get_by_test_id("home-new-case").filter(has_text=number).count() == 0


def _api(base: str, path: str, body: dict, headers: dict | None = None) -> dict:
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        f"{base}{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        return json.loads(response.read())


CONVERT = """
from naungan.accounts.models import User
from naungan.cases import services
from naungan.reports.models import Report
case = services.report_convert(actor=User.objects.get(username='intake_bpp'),
                               report=Report.objects.get(tracking_code='{code}'))
services.case_assign(actor=User.objects.get(username='supervisor_bpp'), case=case,
                     assignee=User.objects.get(username='h11b_cw'), lead=True)
print(case.public_id, case.registration_number)
"""


def test_a_reporters_message_shows_on_the_caseworkers_home(app_server, browser):
    base = app_server.url
    _staff(app_server, "h11b_cw", "caseworker", "Dewi Pendamping")
    report = _api(
        base,
        "/api/v1/public/reports",
        {
            "kind": "complaint",
            "reporter_relation": "victim",
            "anonymous": True,
            "violence_types": ["physical"],
            "description": "Suami saya memukul saya hampir setiap malam.",
            "area_code": "64.71.01",
        },
    )
    code, pin = report["tracking_code"], report["pin"]
    case_id, number = app_server.shell(CONVERT.format(code=code)).splitlines()[-1].split(" ")

    # The reporter writes after her report became a case.
    _api(
        base,
        f"/api/v1/public/reports/{code}/messages",
        {"body": "Dia kembali lagi, saya takut."},
        {"X-Report-PIN": pin},
    )

    cw = _signed_in(browser, app_server, "h11b_cw")
    messages = cw.get_by_test_id("home-messages")
    assert "Pesan pelapor belum dibaca" in messages.inner_text()
    line = messages.get_by_test_id("home-message").filter(has_text=number)
    assert "1 pesan baru" in line.inner_text()
    assert "takut" not in messages.inner_text()  # the home page never shows the message
    line.click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/#thread")
    assert "Dia kembali lagi, saya takut." in cw.get_by_test_id("unread-message").inner_text()
    cw.goto(f"{base}/")
    assert cw.get_by_test_id("home-message").filter(has_text=number).count() == 0
