"""Browser journey in Indonesian: a caseworker's incident sent without the GBVIMS answers is
refused with the six questions marked, then answered and saved, corrected, and withdrawn with
a reason; the case summary no longer shows it."""

from __future__ import annotations

from functools import partial

import pytest

from naungan.core.testing.browser import create_staff, login

pytestmark = pytest.mark.browser
PASSWORD = "Insiden-Benar-2026!"
_staff = partial(create_staff, password=PASSWORD)
QUESTIONS = (
    "penetration",
    "sexual_contact",
    "physical_assault",
    "forced_marriage",
    "denial_of_resources",
    "psychological_abuse",
)

SETUP = """
from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
intake = User.objects.get(username='i11_intake')
case = services.case_create(
    actor=intake, area=Area.objects.get(code='64.71.01'), channel='walk_in',
    violence_types=['sexual'], description='Uji insiden',
    victims=[services.PersonIn(name='Melati', age=14, sex='F')])
services.case_assign(actor=User.objects.get(username='i11_sup'), case=case,
                     assignee=User.objects.get(username='i11_cw'), lead=True)
print(case.public_id)
"""

# The text WeasyPrint lays out for the case summary PDF, as the caseworker would print it.
SUMMARY_TEXT = """
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import TextBox
from naungan.accounts.models import User
from naungan.cases.models import Case
from naungan.cases.services import summary
case = Case.objects.get(public_id='{case_id}')
html = summary.summary_html(actor=User.objects.get(username='i11_cw'), case=case,
                            at=timezone.now())
document = HTML(string=html).render(stylesheets=[CSS(string=summary.PDF_CSS)])
print(' '.join(b.text for p in document.pages
               for b in p._page_box.descendants(placeholders=True) if isinstance(b, TextBox)))
"""


def _answer(page, yes: str) -> None:
    for key in QUESTIONS:
        page.check(f"#id_q_{key}_{0 if key == yes else 1}")


def _fits(page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_incident_refused_without_answers_then_saved_corrected_and_withdrawn(app_server, browser):
    for suffix, role in [("intake", "intake"), ("cw", "caseworker"), ("sup", "supervisor")]:
        _staff(app_server, f"i11_{suffix}", role)
    case_id = app_server.shell(SETUP).splitlines()[-1]
    base = app_server.url
    case_url = f"{base}/kasus/{case_id}/"
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 740})
    context.set_default_timeout(15_000)
    cw = context.new_page()
    login(cw, base, "i11_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")

    # Sent with no answer at all: refused (422), the six questions marked, the input kept.
    cw.goto(case_url)
    cw.click("text=Catat insiden")
    assert cw.get_by_test_id("question").count() == 6
    assert _fits(cw)  # nothing runs off a phone screen
    cw.fill("#id_survivor_age", "14")
    cw.fill("#id_narrative", "Dipaksa oleh tetangga di rumahnya.")
    with cw.expect_response(lambda r: r.request.method == "POST") as sent:
        cw.click("button:has-text('Simpan insiden')")
    assert sent.value.status == 422
    errors = cw.get_by_test_id("form-errors")
    assert "Insiden belum disimpan" in errors.inner_text()
    assert errors.locator("a").count() == 6
    assert cw.get_by_test_id("question-error").count() == 6
    assert cw.get_by_test_id("question-error").first.inner_text() == "Pilih “Ya” atau “Tidak”."
    assert cw.input_value("#id_survivor_age") == "14"
    assert cw.input_value("#id_narrative") == "Dipaksa oleh tetangga di rumahnya."
    assert "Bukan KBG" not in cw.locator("main").inner_text()

    # Answered: saved as sexual assault.
    _answer(cw, "sexual_contact")
    cw.click("button:has-text('Simpan insiden')")
    cw.wait_for_url(case_url)
    assert "Insiden dicatat: Kekerasan seksual (kontak)." in cw.locator("main").inner_text()
    assert cw.get_by_test_id("gbv-type").inner_text() == "Kekerasan seksual (kontak)"

    # Corrected: the answers are shown as saved; penetration after the visum.
    cw.get_by_test_id("incident").locator("a", has_text="Koreksi").click()
    assert cw.is_checked("#id_q_sexual_contact_0")
    assert cw.is_checked("#id_q_penetration_1")
    cw.check("#id_q_penetration_0")
    cw.fill("#id_correction_reason", "Hasil visum")
    cw.click("button:has-text('Simpan koreksi')")
    cw.wait_for_url(case_url)
    assert "Insiden dikoreksi: Perkosaan." in cw.locator("main").inner_text()
    assert cw.get_by_test_id("gbv-type").inner_text() == "Perkosaan"
    assert "Perkosaan" in app_server.shell(SUMMARY_TEXT.format(case_id=case_id))

    # Withdrawn: the reason is required, then the incident is struck with it.
    cw.get_by_test_id("incident").locator("a", has_text="Tarik").click()
    assert "tidak dicetak dalam ringkasan kasus" in cw.locator("main").inner_text()
    with cw.expect_response(lambda r: r.request.method == "POST") as sent:
        cw.click("button:has-text('Tarik insiden')")
    assert sent.value.status == 422
    assert "Tulis alasan penarikan insiden." in cw.locator("main").inner_text()
    cw.fill("#id_reason", "Dicatat pada kasus yang salah")
    cw.click("button:has-text('Tarik insiden')")
    cw.wait_for_url(case_url)
    withdrawn = cw.get_by_test_id("incident-withdrawn")
    assert "ditarik" in withdrawn.inner_text()
    assert "Dicatat pada kasus yang salah" in withdrawn.inner_text()
    assert cw.get_by_test_id("incident").count() == 0

    # The summary PDF no longer shows it.
    pdf = cw.request.get(f"{case_url}ringkasan.pdf")
    assert pdf.status == 200
    assert pdf.body().startswith(b"%PDF")
    text = app_server.shell(SUMMARY_TEXT.format(case_id=case_id))
    assert "Ringkasan kasus" in text
    assert "Perkosaan" not in text
    assert "Kekerasan seksual (kontak)" not in text
    assert "Belum ada insiden." in text
    context.close()
