"""Browser journey of the community tier (issue 14), in Indonesian: the kecamatan's coverage
view shows a kelurahan without a group beside the demo group of Manggar; the demo activist
records a prevention activity on a 360 px phone and finds it in the month's summary.
Screenshots of the pages at 360×740 and 1366×768 go to the test's temporary directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from naungan.core.testing.browser import login

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Komunitas-2026!"
PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 768}


def _page(browser, viewport):
    context = browser.new_context(locale="id-ID", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def _shots(page, out: Path, name: str) -> None:
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)


def test_coverage_shows_a_kelurahan_without_a_group_and_the_activist_records_an_activity(
    app_server, browser, tmp_path
):
    base = app_server.url
    app_server.manage(
        "create_staff",
        "--username", "kom_analis",
        "--password", PASSWORD,
        "--role", "analyst",
        "--org", "dp3akb-balikpapan",
        "--area", "64.71",
    )  # fmt: skip
    # The demo activist (chair of PPATBM Manggar in the demo data) signs in with a known password.
    app_server.shell(
        "from naungan.accounts.models import User\n"
        "u = User.objects.get(username='aktivis_bpp')\n"
        f"u.set_password('{PASSWORD}')\n"
        "u.save()"
    )

    desk = _page(browser, DESK)
    login(desk, base, "kom_analis", PASSWORD)
    desk.wait_for_url(f"{base}/")
    desk.get_by_test_id("nav-coverage").click()
    desk.wait_for_url(f"{base}/ppatbm/cakupan/")
    _shots(desk, tmp_path, "coverage-city-desk")
    desk.goto(f"{base}/ppatbm/cakupan/?area=64.71.01")
    cov_phone = _page(browser, PHONE)
    login(cov_phone, base, "kom_analis", PASSWORD)
    cov_phone.wait_for_url(f"{base}/")
    cov_phone.goto(f"{base}/ppatbm/cakupan/?area=64.71.01")
    _shots(cov_phone, tmp_path, "coverage-kecamatan-phone")
    rows = desk.get_by_test_id("kelurahan-row")
    manggar = rows.filter(has_text="Manggar").filter(has_text="PPATBM")
    assert manggar.count() == 1
    without = rows.filter(has=desk.get_by_test_id("no-group"))
    assert without.count() >= 1
    assert "belum ada kelompok" in without.first.inner_text()
    _shots(desk, tmp_path, "coverage-kecamatan-desk")

    phone = _page(browser, PHONE)
    login(phone, base, "aktivis_bpp", PASSWORD)
    phone.wait_for_url(f"{base}/")
    phone.goto(f"{base}/ppatbm/")
    _shots(phone, tmp_path, "activist-home-phone")
    phone.get_by_test_id("new-activity").click()
    assert "Jangan memotret anak" in phone.get_by_test_id("photo-warning").inner_text()
    phone.get_by_label("Jenis kegiatan").select_option("parenting")
    phone.get_by_label("Tanggal kegiatan").fill("2026-11-20")
    phone.get_by_label("RT", exact=True).fill("7")
    phone.get_by_label("Topik").fill("Disiplin positif untuk anak")
    phone.get_by_label("Perempuan dewasa").fill("-1")
    phone.get_by_role("button", name="Simpan kegiatan").click()
    assert "tidak boleh negatif" in phone.get_by_test_id("activity-form").inner_text()
    _shots(phone, tmp_path, "activity-form-error-phone")
    phone.get_by_label("Perempuan dewasa").fill("9")
    phone.get_by_label("Anak perempuan").fill("4")
    phone.get_by_role("button", name="Simpan kegiatan").click()
    phone.wait_for_url(f"{base}/ppatbm/kegiatan/")
    assert "Disiplin positif untuk anak" in phone.get_by_test_id("activities").inner_text()
    phone.goto(f"{base}/ppatbm/ringkasan/?month=2026-11")
    total = phone.get_by_test_id("summary-total").inner_text()
    counted = re.search(r"(\d+) kegiatan", total)
    assert counted is not None
    assert int(counted.group(1)) >= 1
    _shots(phone, tmp_path, "summary-phone")
    phone.goto(f"{base}/ppatbm/kelompok-saya/")
    assert phone.get_by_test_id("group-counts").is_visible()
    _shots(phone, tmp_path, "my-group-phone")

    # A caseworker named the activist companion on a case: the brief, nothing else of the case.
    brief = app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.areas.models import Area\n"
        "from naungan.cases import services\n"
        "from naungan.community.services import brief_create\n"
        "sup = User.objects.get(username='supervisor_bpp')\n"
        "cw = User.objects.get(username='pendamping_bpp')\n"
        "case = services.case_create(actor=sup, area=Area.objects.get(code='64.71.01'),\n"
        "    channel='walk_in', violence_types=['physical'], description='Kronologi rahasia',\n"
        "    victims=[services.PersonIn(name='Melati Rahasia', age=30, sex='F')])\n"
        "services.case_assign(actor=sup, case=case, assignee=cw, lead=True)\n"
        "b = brief_create(actor=cw, case=case, activist=User.objects.get(username='aktivis_bpp'),\n"
        "    brief='Ibu M perlu ditemani membuat laporan polisi.',\n"
        "    task='Temani Ibu M ke Polres Balikpapan hari Senin pukul 09.00.')\n"
        "print(b.public_id)"
    ).splitlines()[-1]
    phone.goto(f"{base}/ppatbm/")
    phone.get_by_test_id("my-briefs").get_by_role("link").first.click()
    phone.wait_for_url(f"{base}/ppatbm/pendampingan/{brief}/")
    assert "Ibu M perlu ditemani" in phone.get_by_test_id("brief-text").inner_text()
    assert "Melati Rahasia" not in phone.content()
    assert "Kronologi rahasia" not in phone.content()
    phone.get_by_label("Tanggal").fill("2026-11-30")
    phone.get_by_label("Di mana").fill("Polres Balikpapan")
    phone.get_by_label("Bersama siapa").fill("Ibu M")
    phone.get_by_label("Apa yang terjadi").fill("Laporan polisi dibuat, korban tenang.")
    phone.get_by_role("button", name="Simpan catatan").click()
    phone.wait_for_url(f"{base}/ppatbm/pendampingan/{brief}/")
    assert "Laporan polisi dibuat" in phone.get_by_test_id("brief-logs").inner_text()
    _shots(phone, tmp_path, "brief-phone")

    desk.goto(f"{base}/ppatbm/ringkasan/?area=64.71.01&month=2026-11")
    assert "Disiplin positif" not in desk.content()  # a summary holds counts, not topics
    _shots(desk, tmp_path, "summary-desk")
    desk.get_by_test_id("print-link").click()
    desk.wait_for_url(re.compile(r".*/ppatbm/ringkasan/cetak/.*"))
    assert re.search(r"Pengasuhan Lautan RT [1-9]", desk.content())
    _shots(desk, tmp_path, "summary-print-desk")
