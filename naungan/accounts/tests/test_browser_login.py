"""Staff sign-in journeys in a real browser (Debian chromium)."""

from __future__ import annotations

import re

import pyotp
import pytest

from naungan.core.testing.browser import login, totp_code
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_caseworker_logs_in_with_password_and_sees_role_and_area(app_server, page):
    login(page, app_server.url, "pendamping_bpp", DEMO_PASSWORD)
    page.wait_for_url(f"{app_server.url}/")
    assert page.get_by_test_id("role").inner_text() == "Pendamping"
    assert "64.71" in page.get_by_test_id("area").inner_text()


def test_wrong_password_shows_an_error_and_stays_on_login(app_server, page):
    login(page, app_server.url, "pendamping_kalteng", "salah-sekali")
    assert page.url.endswith("/accounts/login/")
    assert page.locator(".alert-danger").is_visible()


def test_supervisor_must_enrol_totp_before_using_the_app(app_server, page):
    login(page, app_server.url, "supervisor_kalteng", DEMO_PASSWORD)
    page.goto(f"{app_server.url}/laporan/")
    # Every staff page sends them to the enrolment; the fresh sign-in counts as recent, so
    # there is no second password prompt (test_second_factor_browser.py walks the pages).
    page.wait_for_url(re.compile(r".*/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").inner_text().replace(" ", "")
    page.fill("#id_code", totp_code(secret))
    page.click("form[action*='totp/activate'] button[type=submit]")
    page.goto(f"{app_server.url}/")
    assert page.get_by_test_id("role").inner_text() == "Supervisor"


def test_login_with_password_then_totp_code(app_server, page):
    secret = pyotp.random_base32()
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"TOTP.activate(User.objects.get(username='supervisor_bpp'), '{secret}')"
    )
    login(page, app_server.url, "supervisor_bpp", DEMO_PASSWORD)
    page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    page.fill("#id_code", totp_code(secret))
    page.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    page.wait_for_url(f"{app_server.url}/")
    assert page.get_by_test_id("role").inner_text() == "Supervisor"


def test_switching_language_to_english_and_back(app_server, page):
    page.goto(f"{app_server.url}/accounts/login/")
    assert page.locator("h1").inner_text() == "Masuk untuk petugas"
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Staff sign in"
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("button[name=language][value=id]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Masuk untuk petugas"


def test_ten_failed_logins_lock_the_account_even_for_the_right_password(app_server, page):
    for _ in range(10):
        login(page, app_server.url, "analis_kalteng", "bukan-kata-sandinya")
    login(page, app_server.url, "analis_kalteng", DEMO_PASSWORD)
    assert page.locator("h1").inner_text() == "Akun dikunci sementara"
    assert page.url.endswith("/accounts/login/")
