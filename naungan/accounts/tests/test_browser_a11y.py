"""Accessibility of the sign-in, second-factor and staff pages, checked by axe-core in chromium
(serious and critical findings fail), the staff pages at a 360×740 phone viewport as each
role."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.core.testing.browser import (
    activate_totp,
    axe_violations,
    create_staff,
    login,
    totp_code,
)
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PASSWORD = "Aksesibel-Axe-2026!"
STAFF_PAGES = ("/", "/laporan/", "/kasus/", "/statistik/", "/mitra/", "/rujukan/")
# Demo accounts of Balikpapan; the supervisor is made here (she must enrol a second factor).
DEMO_USERS = {
    "intake": "intake_bpp",
    "caseworker": "pendamping_bpp",
    "provider": "mitra_posbakum",
    "analyst": "analis_bpp",
}


def _findings(page: Any, base: str, paths: tuple[str, ...]) -> dict[str, Any]:
    found = {}
    for path in paths:
        page.goto(f"{base}{path}")
        if violations := axe_violations(page):
            found[path] = violations
    return found


def _first_case(page: Any, base: str) -> tuple[str, ...]:
    page.goto(f"{base}/kasus/")
    hrefs = page.locator("#main a[href^='/kasus/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    cases = [h for h in hrefs if h.count("/") == 3 and h != "/kasus/baru/"]
    return (cases[0],) if cases else ()


def test_login_page_has_no_serious_accessibility_violations(app_server, axe_page):
    axe_page.goto(f"{app_server.url}/accounts/login/")
    assert axe_violations(axe_page) == []


def test_work_queue_has_no_serious_accessibility_violations(app_server, axe_page):
    login(axe_page, app_server.url, "intake_kalteng", DEMO_PASSWORD)
    axe_page.wait_for_url(f"{app_server.url}/")
    assert axe_violations(axe_page) == []


def test_password_reset_and_refused_login_have_no_serious_violations(app_server, axe_page):
    axe_page.set_viewport_size(PHONE)
    login(axe_page, app_server.url, "intake_bpp", "salah-sandi")
    axe_page.wait_for_load_state()
    assert axe_page.locator("#id_password").count() == 1  # still the login page
    assert axe_violations(axe_page) == []
    axe_page.goto(f"{app_server.url}/accounts/password/reset/")
    assert axe_violations(axe_page) == []


@pytest.mark.parametrize("role", sorted(DEMO_USERS))
def test_staff_pages_on_a_phone_have_no_serious_violations(app_server, axe_page, role):
    base = app_server.url
    axe_page.set_viewport_size(PHONE)
    login(axe_page, base, DEMO_USERS[role], DEMO_PASSWORD)
    axe_page.wait_for_url(f"{base}/")
    paths = STAFF_PAGES + (_first_case(axe_page, base) if role in ("intake", "caseworker") else ())
    assert _findings(axe_page, base, paths) == {}


def test_second_factor_pages_and_a_supervisors_pages_have_no_serious_violations(
    app_server, axe_page
):

    base = app_server.url
    axe_page.set_viewport_size(PHONE)
    create_staff(app_server, "sup_axe_enrol", "supervisor", password=PASSWORD)
    login(axe_page, base, "sup_axe_enrol", PASSWORD)
    axe_page.wait_for_url(f"{base}/accounts/2fa/totp/activate/")
    assert axe_violations(axe_page) == []
    axe_page.fill("#id_code", "000000")
    axe_page.get_by_role("button", name="Aktifkan").click()
    axe_page.wait_for_load_state()
    assert axe_violations(axe_page) == []  # the refused code, its message beside the field

    create_staff(app_server, "sup_axe", "supervisor", password=PASSWORD)
    secret = activate_totp(app_server, "sup_axe")
    axe_page.context.clear_cookies()
    login(axe_page, base, "sup_axe", PASSWORD)
    axe_page.wait_for_url(f"{base}/accounts/2fa/authenticate/")
    assert axe_violations(axe_page) == []
    axe_page.fill("#id_code", totp_code(secret))
    axe_page.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    axe_page.wait_for_load_state()
    assert axe_page.locator("#id_code").count() == 0, axe_page.locator("#main").inner_text()
    axe_page.wait_for_url(f"{base}/", timeout=30_000)
    assert _findings(axe_page, base, (*STAFF_PAGES, "/accounts/2fa/")) == {}


def test_the_field_app_and_the_settings_page_have_no_serious_violations(app_server, axe_page):
    base = app_server.url
    axe_page.set_viewport_size(PHONE)
    login(axe_page, base, "aktivis_bpp", DEMO_PASSWORD)
    axe_page.wait_for_load_state()
    assert _findings(axe_page, base, ("/ppatbm/lapor/", "/", "/accounts/pengaturan/")) == {}
