"""Browser journey of risk assessment (issue 13), in Indonesian: a caseworker fills a DASH
assessment that reaches 14, sees the conference referral and the supervisor's task (and the
banner on the case page), records the conference, and prints a safety plan. With
``NAUNGAN_SCREENSHOT_DIR`` set, the pages are also captured at 1366×768 and 360×740."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from naungan.core.testing.browser import login

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Risiko-2026!"
SIZES = {"desktop": (1366, 768), "phone": (360, 740)}

SETUP = """
from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
sup = User.objects.get(username='risk_sup')
cw = User.objects.get(username='risk_cw')
case = services.case_create(
    actor=sup, area=Area.objects.get(code='64.71.01'), channel='walk_in',
    violence_types=['physical'], description='Uji risiko',
    victims=[services.PersonIn(name='Kenanga Uji', age=31, sex='F')],
    perpetrators=[services.PersonIn(relationship='intimate_partner', age=38, sex='M')])
services.case_assign(actor=sup, case=case, assignee=cw, lead=True)
print(case.public_id)
"""


def _today():
    return datetime.now(ZoneInfo("Asia/Makassar")).date()  # the case's zone (WITA)


def _staff(app_server, username: str, role: str) -> None:
    app_server.manage(
        "create_staff",
        "--username", username,
        "--password", PASSWORD,
        "--role", role,
        "--org", "uptd-ppa-balikpapan",
        "--area", "64.71",
    )  # fmt: skip
    app_server.shell(
        "from naungan.accounts.models import User\n"
        f"u = User.objects.get(username='{username}')\n"
        f"u.first_name = '{'Sari' if role == 'caseworker' else 'Budi'}'\n"
        f"u.last_name = '{'Pendamping' if role == 'caseworker' else 'Supervisor'}'\n"
        "u.save()\n"
        # A unit may require this competency to sign DASH (the demo's UPTD does): held here.
        "import datetime\n"
        "from naungan.training.models import CompetencyGrant\n"
        "CompetencyGrant.objects.get_or_create(user=u, competency='kdrt_risk_assessment',"
        " defaults={'granted_on': datetime.date(2026, 1, 1), 'source': 'direct'})\n"
    )


def _page(browser, size=(1366, 768)):
    context = browser.new_context(locale="id-ID", viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(15_000)
    return context.new_page()


def _shots(browser, base: str, name: str, url: str) -> None:
    """Capture ``url`` at both sizes when a screenshot folder is set (for a person to look at)."""
    folder = os.environ.get("NAUNGAN_SCREENSHOT_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for label, size in SIZES.items():
        pg = _page(browser, size)
        login(pg, base, "risk_cw", PASSWORD)
        pg.wait_for_url(f"{base}/")
        pg.goto(url)
        pg.screenshot(path=f"{folder}/{name}-{label}.png", full_page=True)
        pg.context.close()


def test_dash_14_referral_conference_and_printed_safety_plan(app_server, browser):
    base = app_server.url
    _staff(app_server, "risk_cw", "caseworker")
    _staff(app_server, "risk_sup", "supervisor")
    case_id = app_server.shell(SETUP).splitlines()[-1]

    cw = _page(browser)
    login(cw, base, "risk_cw", PASSWORD)
    cw.wait_for_url(f"{base}/")
    cw.goto(f"{base}/kasus/{case_id}/")
    assert "Belum ada asesmen risiko." in cw.get_by_test_id("case-risk").inner_text()
    cw.get_by_test_id("risk-link").click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/risiko/")
    cw.get_by_role("link", name="Asesmen risiko (DASH)").click()

    # 14 yes, 2 don't know, the rest no: the score is 14 (don't know counts 0).
    form = cw.get_by_test_id("assessment-form")
    for i in range(1, 25):
        answer = "Ya" if i <= 14 else ("Tidak tahu" if i <= 16 else "Tidak")
        form.get_by_test_id(f"question-q{i}").get_by_label(answer, exact=True).check()
    form.get_by_label("Ada anak di rumah tangga korban").check()
    form.get_by_role("button", name="Simpan dan hitung").click()
    cw.wait_for_url(re.compile(rf".*/kasus/{case_id}/risiko/asesmen/[0-9a-f-]{{36}}/$"))
    result_url = cw.url
    assert cw.get_by_test_id("risk-score").inner_text() == "14 dari 24"
    assert cw.get_by_test_id("risk-level").inner_text() == "Tinggi"
    referral = cw.get_by_test_id("conference-referral").inner_text()
    assert "Rujuk ke rapat koordinasi lintas sektor" in referral
    assert "Skor mencapai ambang risiko tinggi" in referral
    task = cw.get_by_test_id("supervisor-task").inner_text()
    assert re.match(r"Tugas segera untuk supervisor \w+ \w+, tenggat ", task), task

    # The case page carries the banner and both tasks.
    cw.goto(f"{base}/kasus/{case_id}/")
    assert "Risiko tinggi" in cw.get_by_test_id("risk-banner").inner_text()
    main = cw.locator("main").inner_text()
    assert "Risiko tinggi: tindak segera" in main
    assert "Rujukan perlindungan anak" in main

    # The conference, with an agency present and an action for the caseworker.
    cw.goto(result_url)
    cw.get_by_test_id("conference-referral").get_by_role("link").click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/risiko/rapat/baru/")
    form = cw.get_by_test_id("conference-form")
    form.get_by_label("Tanggal rapat").fill(_today().isoformat())
    form.locator("input[name=agencies]").first.check()
    form.get_by_label("Hasil rapat").fill("Korban ditempatkan di rumah aman; polisi dihubungi.")
    form.get_by_label("Tindakan pertama (boleh kosong)").fill("Ajukan perintah perlindungan")
    form.get_by_label("Penanggung jawab tindakan").select_option(label="Sari Pendamping")
    form.get_by_label("Tenggat tindakan").fill((_today() + timedelta(days=7)).isoformat())
    form.get_by_role("button", name="Simpan rapat").click()
    cw.wait_for_url(re.compile(rf".*/kasus/{case_id}/risiko/rapat/[0-9a-f-]{{36}}/$"))
    conference_url = cw.url
    assert "Rapat koordinasi tersimpan" in cw.locator(".messages").inner_text()
    actions = cw.get_by_test_id("conference-actions").inner_text()
    assert "Ajukan perintah perlindungan" in actions
    assert "Sari Pendamping" in actions

    # A safety plan, then its printable page.
    cw.goto(f"{base}/kasus/{case_id}/risiko/rencana-keselamatan/")
    form = cw.get_by_test_id("safety-plan-form")
    form.get_by_label("Tanggal tinjauan").fill((_today() + timedelta(days=14)).isoformat())
    form.get_by_label("Tempat aman").fill("Rumah kakak di Gunung Samarinda")
    form.get_by_label("Kata sandi").fill("Mangga manis")
    form.get_by_label("Nomor layanan").fill("SAPA 129, polisi 110")
    form.get_by_role("button", name="Simpan rencana").click()
    cw.wait_for_url(f"{base}/kasus/{case_id}/risiko/rencana-keselamatan/")
    assert "versi 1 tersimpan" in cw.locator(".messages").inner_text()
    cw.get_by_test_id("print-link").first.click()
    printed = cw.get_by_test_id("safety-plan-print").inner_text()
    assert "Rencana keselamatan saya" in printed
    assert "Mangga manis" in printed
    assert "Rumah kakak di Gunung Samarinda" in printed
    assert cw.locator("nav").count() == 0  # no staff navigation on the victim's sheet
    print_url = cw.url

    # The history shows the assessment in the chart and the table.
    cw.goto(f"{base}/kasus/{case_id}/risiko/")
    assert "14/24 Tinggi" in cw.get_by_test_id("risk-chart").text_content()
    assert "14 dari 24" in cw.get_by_test_id("risk-history").inner_text()

    for name, url in {
        "risk": f"{base}/kasus/{case_id}/risiko/",
        "assess": f"{base}/kasus/{case_id}/risiko/asesmen/?instrumen=dash",
        "result": result_url,
        "case": f"{base}/kasus/{case_id}/",
        "conference-new": f"{base}/kasus/{case_id}/risiko/rapat/baru/",
        "conference": conference_url,
        "safety-plans": f"{base}/kasus/{case_id}/risiko/rencana-keselamatan/",
        "safety-plan-print": print_url,
    }.items():
        _shots(browser, base, name, url)
