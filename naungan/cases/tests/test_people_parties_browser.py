"""Browser journey in Indonesian: a caseworker adds a witness to a case already opened
(searching first), corrects the victim's details, and asks to close the case as "Tujuan
tercapai" while it is still in identification without a plan: refused, with the reason and
the summary kept."""

from __future__ import annotations

import re
from functools import partial

import pytest

from naungan.core.testing.browser import create_staff, login

pytestmark = pytest.mark.browser
PASSWORD = "Pihak-Kasus-2026!"
_staff = partial(create_staff, password=PASSWORD)

SETUP = """
from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
intake = User.objects.get(username='pk_intake')
case = services.case_create(
    actor=intake, area=Area.objects.get(code='64.71.01'), channel='walk_in',
    violence_types=['physical'], description='Kekerasan fisik oleh tetangga',
    victims=[services.PersonIn(name='Melati', age=30, sex='F')])
services.case_assign(actor=User.objects.get(username='pk_sup'), case=case,
                     assignee=User.objects.get(username='pk_cw'), lead=True)
print(case.public_id)
"""


def test_adding_a_party_to_an_opened_case_and_a_refused_goals_met_closure(app_server, browser):
    for username, role in [
        ("pk_intake", "intake"),
        ("pk_cw", "caseworker"),
        ("pk_sup", "supervisor"),
    ]:
        _staff(app_server, username, role)  # fmt: skip
    case_id = app_server.shell(SETUP).splitlines()[-1]
    base = app_server.url
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(15_000)
    cw = context.new_page()
    login(cw, base, "pk_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")
    case_url = f"{base}/kasus/{case_id}/"
    cw.goto(case_url)
    assert cw.locator("html").get_attribute("lang") == "id"

    # Add a witness: search first, nothing found, save.
    cw.get_by_test_id("party-add").click()
    cw.wait_for_url(re.compile(r".*/pihak/baru/$"))
    cw.select_option("#id_role", label="Saksi")
    cw.fill("#id_name", "Rahmat Saksi Jurnal")
    cw.fill("#id_age", "45")
    cw.fill("#id_phone", "0812 5555 0101")
    cw.click("button[name=action][value=search]")
    assert "Tidak ditemukan orang yang cocok" in cw.get_by_test_id("matches").inner_text()
    assert cw.input_value("#id_name") == "Rahmat Saksi Jurnal"  # kept after the search
    cw.click("button[name=action][value=save]")
    cw.wait_for_url(case_url)
    assert "Pihak ditambahkan: Saksi." in cw.locator(".messages").inner_text()
    parties = cw.get_by_test_id("parties").inner_text()
    assert "Saksi" in parties
    assert "Rahmat Saksi Jurnal" in parties
    assert (
        "Pihak ditambahkan: Saksi Rahmat Saksi Jurnal" in cw.get_by_test_id("timeline").inner_text()
    )

    # Correct the victim's age and NIK.
    cw.get_by_role("link", name="Ubah Korban Melati").click()
    cw.fill("#id_age", "31")
    cw.fill("#id_nik", "6471010101900001")
    cw.click("button[name=action][value=save]")
    cw.wait_for_url(case_url)
    assert "Data pihak diperbarui." in cw.locator(".messages").inner_text()
    victim = cw.get_by_test_id("party").filter(has_text="Korban · Melati")
    assert "31 tahun" in victim.inner_text()

    # "Tujuan tercapai" while still in Identifikasi, without a plan: refused, summary kept.
    cw.click("text=Ajukan penutupan kasus")
    cw.select_option("#id_reason", label="Tujuan tercapai")
    cw.fill("#id_summary", "Klien merasa sudah aman.")
    cw.click("button:has-text('Ajukan penutupan')")
    body = cw.locator("main").inner_text()
    assert "“Tujuan tercapai” belum dapat dipakai" in body
    assert cw.input_value("#id_summary") == "Klien merasa sudah aman."
    assert cw.get_by_test_id("case-status").inner_text() == "Identifikasi"
    assert cw.get_by_test_id("pending-closure").count() == 0
    context.close()
