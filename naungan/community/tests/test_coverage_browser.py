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

    desk.goto(f"{base}/ppatbm/ringkasan/?area=64.71.01&month=2026-11")
    assert "Disiplin positif" not in desk.content()  # a summary holds counts, not topics
    _shots(desk, tmp_path, "summary-desk")
    desk.get_by_test_id("print-link").click()
    desk.wait_for_url(re.compile(r".*/ppatbm/ringkasan/cetak/.*"))
    assert re.search(r"Pengasuhan Lautan RT [1-9]", desk.content())
    _shots(desk, tmp_path, "summary-print-desk")
