"""Browser journey: intake creates a sexual-violence case (search first), a supervisor assigns
it, the caseworker classifies an incident, completes the police report and asks to close, and
the supervisor approves the closure."""

from __future__ import annotations

import re
from functools import partial

import pyotp
import pytest

from naungan.core.testing.browser import AXE_JS, create_staff, login, new_page, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Kasus-2026!"
_staff = partial(create_staff, password=PASSWORD)
_page = new_page


def test_case_from_creation_to_approved_closure(app_server, browser):
    for username, role in [
        ("j5_intake", "intake"),
        ("j5_cw", "caseworker"),
        ("j5_sup", "supervisor"),
    ]:
        _staff(app_server, username, role)
    secret = pyotp.random_base32()
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"TOTP.activate(User.objects.get(username='j5_sup'), '{secret}')"
    )
    base = app_server.url

    # Intake: search first, then create.
    intake = _page(browser)
    login(intake, base, "j5_intake", PASSWORD)
    intake.wait_for_url(f"{base}/")
    intake.goto(f"{base}/kasus/baru/")
    intake.fill("#id_victim_name", "Melati Jurnal")
    intake.fill("#id_victim_age", "14")
    intake.fill("#id_area_code", "64.71.01")
    intake.check("input[name=violence_types][value=sexual]")
    intake.click("button[name=action][value=search]")
    assert "Tidak ditemukan orang yang cocok" in intake.get_by_test_id("matches").inner_text()
    intake.click("button[name=action][value=create]")
    intake.wait_for_url(re.compile(r".*/kasus/[0-9a-f-]{36}/$"))
    case_url = intake.url
    assert "Lapor ke polisi" in intake.get_by_test_id("tasks").inner_text()

    # Supervisor (with TOTP): assign the caseworker as lead.
    sup = _page(browser)
    login(sup, base, "j5_sup", PASSWORD)
    sup.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    sup.fill("#id_code", totp_code(secret))
    sup.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    sup.wait_for_url(f"{base}/")
    sup.goto(case_url)
    sup.select_option("#id_user", label="j5_cw")
    sup.get_by_test_id("assign-form").locator("button[type=submit]").click()
    assert sup.get_by_test_id("case-lead").inner_text() == "j5_cw"

    # Caseworker: the case is in the queue; classify an incident with the six questions.
    cw = _page(browser)
    login(cw, base, "j5_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")
    assert "Lapor ke polisi" in cw.get_by_test_id("needs-me-now").inner_text()
    cw.goto(case_url)
    cw.click("text=Catat insiden")
    assert cw.get_by_test_id("question").count() == 6
    cw.fill("#id_survivor_age", "14")
    cw.check("#id_q_penetration_1")  # no
    cw.check("#id_q_sexual_contact_0")  # yes
    for key in ("physical_assault", "forced_marriage", "denial_of_resources"):
        cw.check(f"#id_q_{key}_1")  # no: every question is answered (CONTRACT §6)
    cw.check("#id_q_psychological_abuse_1")
    cw.check("#id_reporting_consent")
    cw.click("text=Simpan insiden")
    cw.wait_for_url(case_url)
    assert cw.get_by_test_id("gbv-type").inner_text() == "Kekerasan seksual (kontak)"
    assert "Kekerasan seksual terhadap anak" in cw.get_by_test_id("incidents").inner_text()  # CSA
    cw.get_by_test_id("tasks").locator("button", has_text="Selesai").click()
    cw.click("button:has-text('Pindah ke Asesmen')")
    assert cw.get_by_test_id("case-status").inner_text() == "Asesmen"
    cw.click("text=Ajukan penutupan kasus")
    cw.select_option("#id_reason", "client_declined")
    cw.fill("#id_summary", "Klien menolak layanan lanjutan.")
    cw.click("button:has-text('Ajukan penutupan')")
    assert cw.get_by_test_id("pending-closure").is_visible()
    assert cw.locator("button:has-text('Setujui penutupan')").count() == 0

    # Supervisor approves.
    sup.goto(case_url)
    sup.click("button:has-text('Setujui penutupan')")
    assert sup.get_by_test_id("case-status").inner_text() == "Ditutup"
    assert "Kasus ditutup" in sup.locator(".messages").inner_text()


def _main_violations(page):
    """axe-core on the page's own content (``#main``); the shared navigation is checked by the
    accounts accessibility tests."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run('#main')")
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_case_pages_have_no_serious_accessibility_violations(app_server, browser):
    _staff(app_server, "j5_intake_axe", "intake")
    page = _page(browser, bypass_csp=True)
    login(page, app_server.url, "j5_intake_axe", PASSWORD)
    page.wait_for_url(f"{app_server.url}/")
    for path in ["/kasus/", "/kasus/baru/"]:
        page.goto(f"{app_server.url}{path}")
        assert _main_violations(page) == [], path
    page.fill("#id_victim_name", "Axe")
    page.fill("#id_area_code", "64.71.01")
    page.click("button[name=action][value=create]")
    page.wait_for_url(re.compile(r".*/kasus/[0-9a-f-]{36}/$"))
    assert _main_violations(page) == [], "detail"
