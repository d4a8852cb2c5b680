"""Browser journey of the services on a case (issue 12), in Indonesian: a caseworker places a
victim in the last free bed of a shelter, the next placement is refused with the reason, an
extension asked by the caseworker is approved by the supervisor, and mediation on a UU TPKS
case is refused with the reason shown instead of its form."""

from __future__ import annotations

import re
from functools import partial

import pytest

from naungan.core.testing.browser import activate_totp, create_staff, login, new_page, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Layanan-2026!"
_staff = partial(create_staff, password=PASSWORD)
_totp = activate_totp
_page = new_page
SHELTER = "ra-uji-peramban"
ADDRESS = "Jl. Rahasia Peramban No. 3"


def _case(app_server, supervisor: str, caseworker: str, types: list[str]) -> str:
    """A Balikpapan case opened by the supervisor and led by the caseworker: its public id."""
    out = app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.areas.models import Area\n"
        "from naungan.cases import services\n"
        f"sup = User.objects.get(username='{supervisor}')\n"
        "case = services.case_create(\n"
        "    actor=sup,\n"
        "    area=Area.objects.get(code='64.71.01'),\n"
        "    channel='walk_in',\n"
        f"    violence_types={types!r},\n"
        "    description='Kronologi layanan uji',\n"
        "    victims=[services.PersonIn(name='Melati Layanan', age=24, sex='F')],\n"
        ")\n"
        f"services.case_assign(actor=sup, case=case, assignee=User.objects.get(username='{caseworker}'), lead=True)\n"  # noqa: E501
        "print(case.public_id)"
    )
    return out.splitlines()[-1]


def test_last_bed_refusal_extension_and_mediation_refused(app_server, browser):
    base = app_server.url
    app_server.manage(
        "create_org",
        "--slug", SHELTER,
        "--name", "Rumah Aman Uji Peramban",
        "--kind", "provider",
        "--area", "64.71",
        "--services", "shelter",
        "--capacity", "1",
        "--confidential-address", ADDRESS,
    )  # fmt: skip
    _staff(app_server, "lay_pendamping", "caseworker")
    _staff(app_server, "lay_supervisor", "supervisor")
    secret = _totp(app_server, "lay_supervisor")
    first = _case(app_server, "lay_supervisor", "lay_pendamping", ["physical"])
    tpks = _case(app_server, "lay_supervisor", "lay_pendamping", ["sexual"])

    # The caseworker places the first victim in the shelter's only bed.
    cw = _page(browser)
    login(cw, base, "lay_pendamping", PASSWORD)
    cw.wait_for_url(f"{base}/")
    cw.goto(f"{base}/kasus/{first}/")
    cw.get_by_test_id("services-link").click()
    cw.wait_for_url(f"{base}/kasus/{first}/layanan/")
    card = cw.get_by_test_id("open-shelter")
    choice = card.locator("select[name=organisation]")
    choice.select_option(SHELTER)
    assert "1 dari 1 tempat tidur kosong" in choice.locator("option:checked").inner_text()
    card.get_by_label("Nyawa terancam").check()
    card.get_by_role("button", name="Tempatkan di rumah aman").click()
    cw.wait_for_url(re.compile(rf".*/kasus/{first}/layanan/[0-9a-f-]{{36}}/$"))
    stay_url = cw.url
    assert "Layanan Penampungan sementara dicatat" in cw.locator(".messages").inner_text()
    assert ADDRESS in cw.get_by_test_id("shelter-address").inner_text()
    planned_end = cw.get_by_test_id("planned-end").inner_text()

    # The next placement at the same shelter is refused: no bed is free.
    cw.goto(f"{base}/kasus/{tpks}/layanan/")
    card = cw.get_by_test_id("open-shelter")
    assert "Semua rumah aman penuh" not in card.inner_text()  # the demo shelter has beds
    choice = card.locator("select[name=organisation]")
    choice.select_option(SHELTER)
    assert "penuh" in choice.locator("option:checked").inner_text()
    card.get_by_role("button", name="Tempatkan di rumah aman").click()
    refused = cw.get_by_test_id("open-shelter").inner_text()
    assert "Tidak ada tempat tidur kosong yang cukup di Rumah Aman Uji Peramban (kosong: 0)" in (
        refused
    )
    assert "Hanya supervisor yang dapat menempatkan melebihi kapasitas" in refused

    # On the TPKS case, mediation explains why it is not possible, and offers no form.
    mediation = cw.get_by_test_id("open-mediation")
    reason = cw.get_by_test_id("mediation-refused").inner_text()
    assert "Mediasi tidak dapat dibuka untuk kasus ini." in reason
    assert "UU TPKS Pasal 23" in reason
    assert "belum ada insiden kekerasan seksual yang tercatat" in reason
    assert mediation.locator("form").count() == 0

    # The caseworker asks to extend the first stay by a week, with a reason.
    cw.goto(stay_url)
    cw.get_by_text("Minta perpanjangan").click()
    form = cw.get_by_test_id("extension-form")
    form.get_by_label("Diperpanjang sampai tanggal").fill("2099-01-15")
    form.get_by_label("Alasan perpanjangan").fill("Pelaku belum ditahan; rumah korban belum aman.")
    form.get_by_role("button", name="Kirim permintaan perpanjangan").click()
    cw.wait_for_url(stay_url)
    assert "menunggu persetujuan supervisor" in cw.locator(".messages").inner_text()
    assert "Menunggu persetujuan" in cw.get_by_test_id("extensions").inner_text()

    # The supervisor approves it: the planned end moves.
    sup = _page(browser)
    login(sup, base, "lay_supervisor", PASSWORD)
    sup.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    sup.fill("#id_code", totp_code(secret))
    sup.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    sup.wait_for_url(f"{base}/")
    sup.goto(stay_url)
    decide = sup.get_by_test_id("extension-decide")
    decide.get_by_role("button", name="Setujui perpanjangan").click()
    sup.wait_for_url(stay_url)
    assert "Perpanjangan disetujui" in sup.locator(".messages").inner_text()
    assert "Disetujui" in sup.get_by_test_id("extensions").inner_text()
    new_end = sup.get_by_test_id("planned-end").inner_text()
    assert new_end != planned_end
    assert new_end.startswith("15 Jan 2099")

    # The shelter is full on the occupancy page, without its address.
    sup.goto(f"{base}/rumah-aman/")
    row = sup.get_by_test_id(f"shelter-{SHELTER}")
    assert row.get_by_test_id("free").inner_text() == "0"
    assert "penuh" in row.inner_text()
    assert ADDRESS not in sup.content()
