"""Browser journey of a referral (issue 12), in Indonesian: the caseworker refers a case to
Posbakum (legal aid) with the victim's consent to identity and narrative, the provider signs
in, sees the referral without any phone number, accepts it and reports back the service
given, and the caseworker sees the feedback on the case. Each page is photographed at
1366×768 and 360×740 into ``$NAUNGAN_SCREENSHOTS`` when that is set."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

import pytest

from naungan.core.testing.browser import activate_totp, create_staff, login, new_page, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Rujukan-2026!"
_staff = partial(create_staff, password=PASSWORD)
PHONE = "081377712345"
SHOTS = os.environ.get("NAUNGAN_SCREENSHOTS", "")
SIZES = {"desktop": (1366, 768), "mobile": (360, 740)}


def _shot(page, name: str) -> None:
    """Photograph the page at both sizes (full page), then return to the desktop size."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for label, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{SHOTS}/{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})


def _case(app_server, caseworker: str) -> tuple[str, str]:
    """A Balikpapan case of an adult victim with a phone, led by the caseworker."""
    out = app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.areas.models import Area\n"
        "from naungan.cases import services\n"
        "from naungan.orgs.models import Organisation\n"
        "Organisation.objects.filter(slug='posbakum-aisyiyah').update(\n"
        "    eligibility_documents=['sktm', 'pkh'], hours='Senin–Jumat 08.00–15.00')\n"
        "sup = User.objects.get(username='rj_supervisor')\n"
        "case = services.case_create(\n"
        "    actor=sup,\n"
        "    area=Area.objects.get(code='64.71.01'),\n"
        "    channel='walk_in',\n"
        "    violence_types=['psychological'],\n"
        "    description='Korban diancam suami dan ingin mengajukan gugatan cerai.',\n"
        f"    victims=[services.PersonIn(name='Melati Rujukan', age=31, sex='F', phone='{PHONE}')],\n"  # noqa: E501
        ")\n"
        f"services.case_assign(actor=sup, case=case, assignee=User.objects.get(username='{caseworker}'), lead=True)\n"  # noqa: E501
        "print(case.public_id, case.registration_number)"
    )
    public_id, number = out.splitlines()[-1].split()
    return public_id, number


def test_refer_to_posbakum_accept_and_report_back(app_server, browser):
    base = app_server.url
    _staff(app_server, "rj_pendamping", "caseworker")
    _staff(app_server, "rj_supervisor", "supervisor")
    secret = activate_totp(app_server, "rj_supervisor")
    _staff(app_server, "rj_mitra", "provider", org="posbakum-aisyiyah")
    case_id, number = _case(app_server, "rj_pendamping")

    # The caseworker opens "Buat rujukan" from the case page and chooses the service.
    cw = new_page(browser)
    login(cw, base, "rj_pendamping", PASSWORD)
    cw.wait_for_url(f"{base}/")
    cw.goto(f"{base}/kasus/{case_id}/")
    cw.get_by_test_id("referral-create-link").click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/rujukan/baru/")
    _shot(cw, "01-buat-rujukan-langkah-1-pendamping")
    cw.locator("#id_choose_service").select_option("legal_aid")  # HTMX refreshes the list
    option = cw.get_by_test_id("provider-option").filter(has_text="Posbakum Aisyiyah Balikpapan")
    option.wait_for()
    assert "Syarat: SKTM (Surat Keterangan Tidak Mampu) atau Kartu PKH" in option.inner_text()
    assert "Senin–Jumat 08.00–15.00" in option.inner_text()
    _shot(cw, "02-buat-rujukan-langkah-2-pendamping")

    # Sent without the documents: the warning asks for a reason first; the input stays.
    form = cw.get_by_test_id("referral-form")
    option.locator("input[type=radio]").check()
    form.get_by_label("Korban sendiri").check()
    form.get_by_label("Identitas (nama, umur, jenis kelamin)").check()
    form.get_by_label("Kronologi kejadian").check()
    form.get_by_label("Catatan untuk mitra").fill("Korban butuh pendampingan gugatan cerai.")
    form.get_by_test_id("referral-send").click()
    warning = cw.get_by_test_id("eligibility-warning")
    warning.wait_for()
    assert "Tulis alasan tetap merujuk" in warning.inner_text()
    assert cw.get_by_label("Catatan untuk mitra").input_value() == (
        "Korban butuh pendampingan gugatan cerai."
    )
    _shot(cw, "03-buat-rujukan-syarat-pendamping")
    cw.get_by_label("Kartu PKH").check()
    cw.get_by_test_id("referral-send").click()
    cw.wait_for_url(re.compile(rf"{base}/rujukan/[0-9a-f-]{{36}}/$"))
    referral_url = cw.url
    assert "dikirim kepada Posbakum Aisyiyah Balikpapan" in cw.locator(".messages").inner_text()
    _shot(cw, "04-rujukan-pendamping")
    cw.goto(f"{base}/rujukan/")
    _shot(cw, "05-daftar-rujukan-pendamping")

    # The provider signs in: the referral waits on the home page; no phone anywhere.
    mitra = new_page(browser)
    login(mitra, base, "rj_mitra", PASSWORD)
    mitra.wait_for_url(f"{base}/")
    home = mitra.get_by_test_id("home-referrals-provider")
    assert "Bantuan hukum" in home.inner_text() or "RJK/" in home.inner_text()
    _shot(mitra, "06-beranda-mitra")
    mitra.goto(f"{base}/rujukan/")
    _shot(mitra, "07-daftar-rujukan-mitra")
    mitra.get_by_test_id("referral-line").first.click()
    mitra.wait_for_url(referral_url)
    packet = mitra.get_by_test_id("referral-packet").inner_text()
    assert "Melati Rujukan" in packet
    assert "Korban diancam suami" in packet
    assert PHONE not in mitra.content()
    assert "Telepon" not in packet
    assert number not in mitra.content()  # the unit's case number stays with the unit
    _shot(mitra, "08-rujukan-mitra-terkirim")

    # The provider accepts and reports back.
    mitra.get_by_test_id("referral-accept").click()
    mitra.wait_for_url(referral_url)
    assert "Rujukan diterima" in mitra.locator(".messages").inner_text()
    card = mitra.get_by_test_id("complete-card")
    card.get_by_label("Layanan yang diberikan").fill("Konsultasi hukum dan penyusunan gugatan")
    card.get_by_label("Hasil layanan").fill("Gugatan cerai didaftarkan di Pengadilan Agama")
    _shot(mitra, "09-rujukan-mitra-laporkan-hasil")
    card.get_by_role("button", name="Laporkan hasil").click()
    mitra.wait_for_url(referral_url)
    assert "Hasil layanan dilaporkan" in mitra.locator(".messages").inner_text()
    _shot(mitra, "10-rujukan-mitra-selesai")

    # The caseworker sees the feedback on the case page.
    cw.goto(f"{base}/kasus/{case_id}/")
    section = cw.get_by_test_id("case-referrals")
    text = section.inner_text()
    assert "Selesai" in text
    assert "Konsultasi hukum dan penyusunan gugatan" in text
    assert "Gugatan cerai didaftarkan di Pengadilan Agama" in text
    section.scroll_into_view_if_needed()
    _shot(cw, "11-kasus-bagian-rujukan-pendamping")
    cw.goto(f"{base}/")
    assert "Gugatan cerai didaftarkan" in cw.get_by_test_id("home-referrals").inner_text()
    _shot(cw, "12-beranda-pendamping")

    # The supervisor (second factor) is offered the child's exceptions on "Buat rujukan" and
    # sees the unit's referrals in the queue.
    sup = new_page(browser)
    login(sup, base, "rj_supervisor", PASSWORD)
    sup.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    sup.fill("#id_code", totp_code(secret))
    sup.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    sup.wait_for_url(f"{base}/")
    sup.goto(f"{base}/kasus/{case_id}/rujukan/baru/?service_type=law_enforcement")
    consent = sup.get_by_test_id("consent-block").inner_text()
    assert "Pengecualian demi kepentingan terbaik anak" in consent
    assert "Kewajiban hukum" in consent
    _shot(sup, "13-buat-rujukan-supervisor")
    sup.goto(f"{base}/rujukan/")
    assert "Posbakum Aisyiyah Balikpapan" in sup.get_by_test_id("referral-list").inner_text()
    _shot(sup, "14-daftar-rujukan-supervisor")
