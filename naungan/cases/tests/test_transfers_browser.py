"""Browser journey of a transfer (DESIGN §5): the Balikpapan supervisor asks the Central
Kalimantan unit to take a case over; the receiving supervisor sees only the request until
accepting, then owns the case, and the sender can no longer open it."""

from __future__ import annotations

import re

import pyotp
import pytest

from naungan.core.testing.browser import login, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Pelimpahan-2026!"
BALIKPAPAN = "UPTD PPA Kota Balikpapan"
KALTENG = "UPTD PPA Provinsi Kalimantan Tengah"
REASON = "Korban pindah ke Palangka Raya bersama keluarganya."


def _supervisor(app_server, username: str, org: str, area: str) -> str:
    """A supervisor of ``org`` with TOTP enrolled; returns the TOTP secret."""
    app_server.manage(
        "create_staff",
        "--username", username,
        "--password", PASSWORD,
        "--role", "supervisor",
        "--org", org,
        "--area", area,
    )  # fmt: skip
    secret = pyotp.random_base32()
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"TOTP.activate(User.objects.get(username='{username}'), '{secret}')"
    )
    return secret


def _logged_in(browser, app_server, username: str, secret: str):
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(15_000)
    page = context.new_page()
    base = app_server.url
    login(page, base, username, PASSWORD)
    page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    page.fill("#id_code", totp_code(secret))
    page.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    page.wait_for_url(f"{base}/")
    return page


def _case_in_balikpapan(app_server, username: str) -> tuple[str, str]:
    """A Balikpapan case created through the services by ``username``: (public id, number)."""
    out = app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.areas.models import Area\n"
        "from naungan.cases import services\n"
        "case = services.case_create(\n"
        f"    actor=User.objects.get(username='{username}'),\n"
        "    area=Area.objects.get(code='64.71.01'),\n"
        "    channel='walk_in',\n"
        "    violence_types=['physical'],\n"
        "    description='Kronologi pelimpahan uji',\n"
        "    victims=[services.PersonIn(name='Mawar Pelimpahan', age=16)],\n"
        ")\n"
        "print(case.public_id, case.registration_number)"
    )
    public_id, number = out.splitlines()[-1].split(" ", 1)
    return public_id, number


def test_transfer_from_request_to_acceptance(app_server, browser):
    base = app_server.url
    bpp_secret = _supervisor(app_server, "tr_sup_bpp", "uptd-ppa-balikpapan", "64.71")
    kalteng_secret = _supervisor(app_server, "tr_sup_kalteng", "uptd-ppa-kalteng", "62")
    case_id, number = _case_in_balikpapan(app_server, "tr_sup_bpp")
    case_url = f"{base}/kasus/{case_id}/"

    # Balikpapan: ask Central Kalimantan to take the case over, with a reason.
    sender = _logged_in(browser, app_server, "tr_sup_bpp", bpp_secret)
    sender.goto(case_url)
    form = sender.get_by_test_id("transfer-form")
    form.locator("select[name=to_organisation]").select_option(label=KALTENG)
    form.locator("textarea[name=reason]").fill(REASON)
    form.get_by_role("button", name="Ajukan pelimpahan").click()
    sender.wait_for_url(case_url)
    assert "Permintaan pelimpahan dikirim" in sender.locator(".messages").inner_text()
    assert KALTENG in sender.get_by_test_id("transfer-pending").inner_text()
    assert "Pelimpahan diajukan dari" in sender.get_by_test_id("timeline").inner_text()

    # Central Kalimantan: the request is in the incoming list, the case itself is not open yet.
    receiver = _logged_in(browser, app_server, "tr_sup_kalteng", kalteng_secret)
    assert receiver.goto(case_url).status == 404
    receiver.goto(f"{base}/kasus/pelimpahan/")
    incoming = receiver.get_by_test_id("transfers-incoming")
    incoming.get_by_role("link", name=number).click()
    receiver.wait_for_url(re.compile(r".*/kasus/pelimpahan/[0-9a-f-]{36}/$"))
    summary = receiver.get_by_test_id("transfer-summary").inner_text()
    assert REASON in summary
    assert "Mawar" not in receiver.content()  # no case content before accepting
    assert "Kronologi pelimpahan uji" not in receiver.content()
    receiver.get_by_test_id("transfer-accept").click()

    # Accepted: the case page opens for the receiver and shows the transfer in its history.
    receiver.wait_for_url(case_url)
    assert "Pelimpahan diterima" in receiver.locator(".messages").inner_text()
    timeline = receiver.get_by_test_id("timeline").inner_text()
    assert f"Pelimpahan dari {BALIKPAPAN} ke {KALTENG} diterima" in timeline
    assert f"Pelimpahan diajukan dari {BALIKPAPAN} ke {KALTENG} — {REASON}" in timeline
    assert receiver.goto(case_url).status == 200

    # The sender keeps only the transfer record: the case page is a 404.
    assert sender.goto(case_url).status == 404
