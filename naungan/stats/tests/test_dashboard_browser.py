"""Browser journey of the statistics (issue 15), in Indonesian, in Debian's chromium: a
province supervisor drills from the province to a kelurahan and clicks through to the cases;
an analyst of the city sees "<5" and no link. Screenshots at 1366×768 and 360×740 go to
``NAUNGAN_SCREENSHOTS`` when it is set."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from naungan.core.testing.browser import login, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Statistik-2026!"
SHOTS = os.environ.get("NAUNGAN_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (360, 740)):
        page.set_viewport_size({"width": w, "height": h})
        page.screenshot(path=f"{SHOTS}/{name}-{w}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})


def _world(app_server) -> None:
    app_server.manage(
        "create_org", "--slug", "dinas-kaltim-uji", "--name", "Dinas Kaltim (uji)",
        "--kind", "dinas", "--area", "64",
    )  # fmt: skip
    app_server.manage(
        "create_staff", "--username", "stat_sup", "--password", PASSWORD,
        "--role", "supervisor", "--org", "dinas-kaltim-uji", "--area", "64",
    )  # fmt: skip
    app_server.manage(
        "create_staff", "--username", "stat_analis", "--password", PASSWORD,
        "--role", "analyst", "--org", "dp3akb-balikpapan", "--area", "64.71",
    )  # fmt: skip
    app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.areas.models import Area\n"
        "from naungan.cases import services\n"
        "from naungan.cases.services.incidents import incident_record\n"
        "sup = User.objects.get(username='supervisor_bpp')\n"
        "answers = {'penetration': False, 'sexual_contact': False, 'physical_assault': True,\n"
        "           'forced_marriage': False, 'denial_of_resources': False,\n"
        "           'psychological_abuse': False}\n"
        "for code, n in (('64.71.01.1001', 6), ('64.71.02', 2)):\n"
        "    for i in range(n):\n"
        "        case = services.case_create(actor=sup, area=Area.objects.get(code=code),\n"
        "            channel='walk_in', violence_types=['physical'], description='Uji statistik',\n"
        "            victims=[services.PersonIn(name=f'Korban Statistik {i}', age=16, sex='F')])\n"
        "        incident_record(actor=sup, case=case, answers=answers, reporting_consent=True,\n"
        "            survivor_age=16)\n"
    )


def _page(browser):
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(15_000)
    return context.new_page()


def test_supervisor_drills_to_a_kelurahan_and_analyst_sees_hidden_cells(app_server, browser):
    base = app_server.url
    _world(app_server)
    secret = app_server.shell(
        "import pyotp\n"
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        "s = pyotp.random_base32()\n"
        "TOTP.activate(User.objects.get(username='stat_sup'), s)\n"
        "print(s)"
    ).splitlines()[-1]

    sup = _page(browser)
    login(sup, base, "stat_sup", PASSWORD)
    sup.fill("#id_code", totp_code(secret))
    sup.get_by_role("button", name=re.compile("Masuk|Konfirmasi|Verifikasi", re.I)).first.click()
    sup.wait_for_url(f"{base}/")
    sup.get_by_role("link", name="Statistik").first.click()
    sup.wait_for_url(re.compile(r".*/statistik/$"))
    assert "Kalimantan Timur" in sup.locator("h1").inner_text()
    _shot(sup, "statistik-provinsi")
    sup.get_by_test_id("table-area").get_by_test_id("drill-64.71").click()
    assert "Balikpapan" in sup.locator("h1").inner_text()
    sup.get_by_test_id("table-area").get_by_test_id("drill-64.71.01").click()
    sup.get_by_test_id("table-area").get_by_test_id("drill-64.71.01.1001").click()
    assert int(sup.get_by_test_id("total-incidents").inner_text().strip()) >= 6  # + the demo's
    trail = sup.get_by_test_id("stats-trail").inner_text()
    assert "Kalimantan Timur" in trail
    assert "Balikpapan" in trail
    _shot(sup, "statistik-kelurahan")
    cases = int(sup.get_by_test_id("total-cases").inner_text().strip())
    assert cases >= 1
    sup.get_by_test_id("total-cases").get_by_test_id("case-link").click()
    sup.wait_for_url(re.compile(r".*/kasus/\?area=64\.71\.01\.1001&counted=on&received_from=.*"))
    # exactly the cases behind the number
    assert int(sup.get_by_test_id("case-count").inner_text().split()[0]) == cases

    analyst = _page(browser)
    login(analyst, base, "stat_analis", PASSWORD)
    analyst.wait_for_url(f"{base}/")
    analyst.goto(f"{base}/statistik/")
    html = analyst.content()
    assert "&lt;5" in html
    assert analyst.get_by_test_id("case-link").count() == 0
    # 64.71.02 has 2 incidents: hidden in the ranked list
    assert "<5" in analyst.get_by_test_id("stats-ranked").inner_text()
    _shot(analyst, "statistik-analis")
    assert analyst.goto(f"{base}/statistik/?area=62").status == 404
    assert analyst.goto(f"{base}/kasus/").status == 404
