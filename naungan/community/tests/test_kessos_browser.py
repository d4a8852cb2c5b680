"""Browser journey of the kecamatan coordinator and the certificate check (issue 14), in
Indonesian, on the demo data: the Kasi Kessos of Balikpapan Timur (``kessos_bpp_timur``) finds
their coordination work on the home page, opens the coverage of their kecamatan, connects a new
partner to the Manggar group and sees which activists need a training; an anonymous visitor
confirms the demo caseworker's certificate by its code and gets the same "unknown" answer for
a wrong one. No page scrolls sideways on a 360 px phone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from naungan.core.testing.browser import login, new_page

pytestmark = pytest.mark.browser
DEMO_PASSWORD = "Naungan-Demo-2026"


def _fits_a_phone(page: Any) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url}: page is {width} px wide"
    page.set_viewport_size({"width": 1366, "height": 768})


def test_the_kasi_kessos_coordinates_their_kecamatan(app_server: Any, browser: Any) -> None:
    base = app_server.url
    page = new_page(browser)
    login(page, base, "kessos_bpp_timur", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    home = page.get_by_test_id("home-coordination").inner_text()
    assert "Koordinasi PPATBM: Balikpapan Timur" in home
    assert "3 dari 4 kelurahan belum punya kelompok aktif" in home
    assert "Lamaru" in home
    assert "aktivis perlu pelatihan penyegaran" in page.get_by_test_id("home-expiry").inner_text()
    _fits_a_phone(page)

    page.get_by_role("link", name="Lihat cakupan").click()
    page.wait_for_url(re.compile(r".*/ppatbm/cakupan/\?area=64\.71\.01$"))
    assert "RT tanpa anggota" in page.locator("main").inner_text()
    _fits_a_phone(page)
    page.get_by_test_id("partners-link").click()
    page.wait_for_url(f"{base}/ppatbm/kelompok/ppatbm-manggar/mitra/")
    page.get_by_label("Jenis mitra").select_option(label="Sekolah")
    page.get_by_label("Nama mitra").fill("SD Negeri 001 Balikpapan Timur")
    page.get_by_role("button", name="Tambah mitra").click()
    page.wait_for_url(f"{base}/ppatbm/kelompok/ppatbm-manggar/mitra/")
    assert "SD Negeri 001 Balikpapan Timur" in page.get_by_test_id("partners").inner_text()
    _fits_a_phone(page)

    page.goto(f"{base}/ppatbm/cakupan/?area=64.71.04")
    assert "Balikpapan Tengah" not in page.locator("body").inner_text()
    page.goto(f"{base}/kompetensi/berakhir/")
    table = page.get_by_test_id("expiry-table").inner_text()
    assert "Rina Wulandari" in table
    assert "Dewi Sartika" not in table  # the UPTD PPA's caseworker: not theirs
    _fits_a_phone(page)


def test_anyone_checks_a_certificate_by_its_code(app_server: Any, browser: Any) -> None:
    base = app_server.url
    code = app_server.shell(
        "from naungan.training.models import Participant\n"
        "print(Participant.objects.get(user__username='pendamping_bpp', passed=True)"
        ".verification_code)"
    )
    page = new_page(browser)
    page.goto(f"{base}/sertifikat/cek/")
    assert page.get_by_test_id("quick-exit").count() == 0
    page.get_by_label("Kode verifikasi").fill(code.lower())
    page.get_by_role("button", name="Periksa").click()
    page.wait_for_url(re.compile(r".*/sertifikat/cek/\?kode=.*"))
    result = page.get_by_test_id("verify-result").inner_text()
    assert "Sertifikat asli dan berlaku" in result
    assert "Dewi Sartika" in result
    assert "DP3AKB Kota Balikpapan" in result
    _fits_a_phone(page)
    assert page.context.cookies() == []
    page.get_by_label("Kode verifikasi").fill(code[:-1] + ("A" if code[-1] != "A" else "B"))
    page.get_by_role("button", name="Periksa").click()
    page.wait_for_load_state()
    assert "Kode ini tidak dikenal" in page.get_by_test_id("verify-unknown").inner_text()
    assert page.get_by_test_id("verify-result").count() == 0
