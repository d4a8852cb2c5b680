"""Browser journey of trainings (issue 14), in Indonesian: a supervisor records a training of
DP3AKB Balikpapan with the demo caseworker and activist, records attendance and scores (an
out-of-range score first, refused by name), and the caseworker prints her certificate from
"Kompetensi saya". Screenshots at 1366×768 and 360×740 when ``NAUNGAN_SCREENSHOTS`` names a
folder; no page scrolls sideways on the small phone."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pyotp
import pytest

from naungan.core.testing.browser import login, totp_code

pytestmark = pytest.mark.browser
PASSWORD = "Jalur-Pelatihan-2026!"
DEMO_PASSWORD = "Naungan-Demo-2026"
SIZES = {"desktop": (1366, 768), "phone": (360, 740)}
TITLE = "Penanganan Korban TPPO (uji peramban)"


def _shot(page: Any, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{name}: page is {width} px wide"
    folder = os.environ.get("NAUNGAN_SCREENSHOTS", "")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _shots(page: Any, name: str) -> None:
    for size, (w, h) in SIZES.items():
        page.set_viewport_size({"width": w, "height": h})
        _shot(page, f"training-{name}-{size}")
    page.set_viewport_size({"width": 1366, "height": 768})


def _page(browser: Any) -> Any:
    context = browser.new_context(locale="id-ID", accept_downloads=True)
    context.set_default_timeout(15_000)
    return context.new_page()


def test_a_training_is_recorded_and_a_certificate_printed(app_server: Any, browser: Any) -> None:
    base = app_server.url
    app_server.manage(
        "create_staff",
        "--username", "plt_supervisor",
        "--password", PASSWORD,
        "--role", "supervisor",
        "--org", "uptd-ppa-balikpapan",
        "--area", "64.71",
    )  # fmt: skip
    secret = pyotp.random_base32()
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"TOTP.activate(User.objects.get(username='plt_supervisor'), '{secret}')"
    )

    sup = _page(browser)
    login(sup, base, "plt_supervisor", PASSWORD)
    sup.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/.*"))
    sup.fill("#id_code", totp_code(secret))
    sup.locator("form[action*='2fa/authenticate'] button[type=submit]").first.click()
    sup.wait_for_url(f"{base}/")
    sup.get_by_test_id("nav-training").first.click()
    sup.wait_for_url(f"{base}/pelatihan/")
    # The demo's past training by DP3AKB Balikpapan is listed.
    assert "Pendampingan Korban KDRT" in sup.get_by_test_id("training-list").inner_text()
    _shots(sup, "list")

    sup.get_by_test_id("training-new").click()
    form = sup.get_by_test_id("training-form")
    form.get_by_label("Judul pelatihan").fill(TITLE)
    form.get_by_label("Penyelenggara").select_option(label="DP3AKB Kota Balikpapan")
    form.get_by_label("Tanggal mulai").fill("2026-11-02")
    form.get_by_label("Tanggal selesai").fill("2026-11-03")
    form.locator("#id_place").fill("Aula DP3AKB Kota Balikpapan")
    form.get_by_label("Narasumber lain").fill("LPSK\nDensus 88")
    form.get_by_label("Penanganan korban TPPO").check()
    form.get_by_label("Masa berlaku kompetensi (bulan)").fill("12")
    form.get_by_label(re.compile("Dewi Sartika")).check()
    form.get_by_label(re.compile("Rina Wulandari")).check()
    _shots(sup, "create")
    form.get_by_test_id("training-save").click()
    sup.wait_for_url(re.compile(rf"{base}/pelatihan/[0-9a-f-]{{36}}/$"))
    detail_url = sup.url
    assert "Pelatihan dicatat." in sup.locator(".messages").inner_text()

    # A post-test score of 101 is refused by name; nothing is stored.
    results = sup.get_by_test_id("results-form")
    results.get_by_label("Hadir Dewi Sartika").check()
    results.get_by_label("Post-test Dewi Sartika").fill("101")
    results.evaluate("f => f.noValidate = true")  # past the browser's own range check
    results.get_by_test_id("results-save").click()
    errors = sup.get_by_test_id("form-errors").inner_text()
    assert "Nilai post-test Dewi Sartika harus antara 0 dan 100." in errors
    _shots(sup, "results-refused")

    results = sup.get_by_test_id("results-form")
    results.get_by_label("Hadir Dewi Sartika").check()
    results.get_by_label("Pre-test Dewi Sartika").fill("55")
    results.get_by_label("Post-test Dewi Sartika").fill("92")
    results.get_by_label("Hadir Rina Wulandari").check()
    results.get_by_label("Post-test Rina Wulandari").fill("64")
    results.get_by_test_id("results-save").click()
    sup.wait_for_url(detail_url)
    assert "kompetensi peserta yang lulus dicatat" in sup.locator(".messages").inner_text()
    rows = sup.get_by_test_id("participant-row")
    assert rows.filter(has_text="Dewi Sartika").get_by_test_id("certificate-link").count() == 1
    assert "belum lulus" in rows.filter(has_text="Rina Wulandari").inner_text()
    _shots(sup, "detail")
    sup.goto(f"{base}/kompetensi/berakhir/")
    assert "Dewi Sartika" in sup.get_by_test_id("expiry-table").inner_text()
    _shots(sup, "expiring")

    # The caseworker prints her certificate from her own competencies.
    cw = _page(browser)
    login(cw, base, "pendamping_bpp", DEMO_PASSWORD)
    cw.wait_for_url(f"{base}/")
    cw.goto(f"{base}/kompetensi/saya/")
    mine = cw.get_by_test_id("my-competencies").inner_text()
    assert "Penanganan korban TPPO" in mine
    assert "Pendampingan KDRT dan asesmen risiko" in mine  # from the demo training
    _shots(cw, "mine")
    trainings = cw.get_by_test_id("my-trainings")
    with cw.expect_download() as info:
        trainings.locator("li", has_text=TITLE).get_by_role("link", name="Unduh sertifikat").click()
    download = info.value
    assert download.suggested_filename.startswith("sertifikat-ngn-plt-2026-")
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
