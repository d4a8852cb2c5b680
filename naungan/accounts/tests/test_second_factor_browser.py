"""A supervisor's first sign-in in a real browser, in Indonesian: straight to the TOTP
enrolment (no second password prompt), enrol with a code from the secret shown, see the
recovery codes and continue to the work queue. Set ``NAUNGAN_SHOTS_DIR`` to keep a screenshot of
each page at 1366 × 768 and 360 × 740."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from naungan.core.testing.browser import login

pytestmark = pytest.mark.browser
PASSWORD = "Dua-Langkah-2026!"


def totp_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def shots(page: Any, name: str) -> None:
    folder = os.environ.get("NAUNGAN_SHOTS_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 768), (360, 740)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})


def test_a_new_supervisor_enrols_without_a_second_password_prompt_and_continues(app_server, page):
    app_server.manage(
        "create_staff",
        "--username", "sup_dua_langkah",
        "--password", PASSWORD,
        "--role", "supervisor",
        "--org", "uptd-ppa-balikpapan",
        "--area", "64.71",
    )  # fmt: skip
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, app_server.url, "sup_dua_langkah", PASSWORD)
    page.wait_for_url(f"{app_server.url}/accounts/2fa/totp/activate/")
    assert page.locator("#id_password").count() == 0
    assert page.locator("h1").inner_text() == "Aktifkan verifikasi dua langkah"
    assert page.get_by_test_id("totp-qr").is_visible()
    secret = page.get_by_test_id("totp-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret.replace(" ", "")), secret
    shots(page, "totp-activate")

    page.fill("#id_code", "000000")
    page.get_by_role("button", name="Aktifkan").click()
    assert page.locator("#err-code").inner_text() == "Kode salah."
    shots(page, "totp-activate-wrong-code")

    page.fill("#id_code", totp_now(secret.replace(" ", "")))
    page.get_by_role("button", name="Aktifkan").click()
    page.wait_for_url(f"{app_server.url}/accounts/2fa/recovery-codes/")
    assert page.locator("h1").inner_text() == "Kode pemulihan"
    assert "Aplikasi autentikator diaktifkan." in page.locator(".messages").inner_text()
    codes = page.get_by_test_id("recovery-codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    assert all(re.fullmatch(r"\d{8}", c) for c in codes)
    download = page.get_by_role("link", name="Unduh kode").bounding_box()
    generate = page.get_by_role("link", name="Buat kode baru").bounding_box()
    assert download
    assert generate
    assert generate["x"] >= download["x"] + download["width"] + 4  # two buttons, spaced
    shots(page, "recovery-codes")

    page.get_by_role("link", name="Lanjutkan ke Naungan").click()
    page.wait_for_url(f"{app_server.url}/")
    assert page.get_by_test_id("role").inner_text() == "Supervisor"

    page.goto(f"{app_server.url}/accounts/2fa/")
    assert page.locator("h1").inner_text() == "Keamanan akun"
    shots(page, "mfa-index")

    # The next sign-in asks for the code, styled and in Indonesian.
    page.locator("form[action*='logout'] button").click()
    login(page, app_server.url, "sup_dua_langkah", PASSWORD)
    page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/"))
    assert page.locator("h1").inner_text() == "Verifikasi dua langkah"
    shots(page, "2fa-authenticate")
    page.fill("#id_code", codes[0])  # a recovery code works once in place of the app
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(f"{app_server.url}/")

    # Later on, sensitive steps ask again: the pages of that step are styled too.
    page.goto(f"{app_server.url}/accounts/reauthenticate/?next=/accounts/2fa/")
    assert page.locator("h1").inner_text() == "Konfirmasi akses"
    shots(page, "reauthenticate-password")
    page.goto(f"{app_server.url}/accounts/2fa/reauthenticate/?next=/accounts/2fa/")
    shots(page, "reauthenticate-code")
    for path, name in [
        ("/accounts/2fa/recovery-codes/generate/", "recovery-codes-generate"),
        ("/accounts/2fa/totp/deactivate/", "totp-deactivate"),
    ]:
        page.goto(f"{app_server.url}{path}")
        assert page.locator("h1").count() == 1
        shots(page, name)
