"""Browser journey of the directory of partners (issue 12), in Indonesian on the demo data: a
caseworker looks for legal aid for a victim in Kelurahan Manggar and finds Posbakum Aisyiyah
first, with what it asks for; the same search works without JavaScript, and on a 360 px phone.

Set ``NAUNGAN_SCREENSHOTS=/some/dir`` to keep screenshots at 1366×768 and 360×740."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from naungan.core.testing.browser import login
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser
MANGGAR = "64.71.01.1001"
SHOTS = os.environ.get("NAUNGAN_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _search(page) -> None:
    page.get_by_label("Layanan", exact=True).select_option("legal_aid")
    page.get_by_label("Wilayah", exact=True).select_option(MANGGAR)
    page.get_by_role("button", name="Cari").click()


def _first_provider(page):
    return page.get_by_test_id("providers").locator("> li").first


@pytest.mark.parametrize(
    ("width", "height", "javascript"),
    [(1366, 768, True), (360, 740, True), (360, 740, False)],
    ids=["desktop", "phone", "phone-no-js"],
)
def test_legal_aid_for_manggar_finds_posbakum_first(app_server, browser, width, height, javascript):
    base = app_server.url
    context = browser.new_context(
        locale="id-ID", viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    login(page, base, "pendamping_bpp", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    if width < 768 and javascript:
        page.get_by_role("button", name="Buka menu").click()
    if javascript:
        page.get_by_test_id("nav-directory").click()
    else:  # without JavaScript the collapsed menu stays closed: the page is one address away
        page.goto(f"{base}/mitra/")
    page.wait_for_url(f"{base}/mitra/")
    assert page.get_by_role("heading", name="Direktori mitra layanan").is_visible()

    if javascript:  # the area list can be narrowed by typing
        page.get_by_label("Saring daftar wilayah").fill("lamaru")
        shown = page.eval_on_selector_all(
            "#id_area option", "os => os.filter(o => !o.hidden && o.value).map(o => o.text)"
        )
        assert shown == ["Kelurahan Lamaru"]
        page.get_by_label("Saring daftar wilayah").fill("")
    _search(page)
    page.wait_for_url(f"{base}/mitra/?service=legal_aid&area={MANGGAR}&q=")
    first = _first_provider(page)
    first.get_by_role("link", name="Posbakum Aisyiyah Balikpapan").wait_for()
    text = first.inner_text()
    assert "Melayani Kecamatan Balikpapan Timur" in text
    assert "Syarat: SKTM (Surat Keterangan Tidak Mampu) atau Kartu PKH" in text
    assert "(0542) 000-101" in text
    names = page.get_by_test_id("providers").locator("h2").all_inner_texts()
    assert names[-1].startswith("LPSK")  # the national body last
    assert "Posbakum Pengadilan Negeri Palangka Raya" not in names
    # Nothing is wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    _shot(page, f"mitra-{width}{'' if javascript else '-nojs'}")

    if javascript:  # HTMX: a change refreshes the results without the button, URL kept
        page.get_by_label("Layanan", exact=True).select_option("health")
        page.wait_for_url(f"{base}/mitra/?service=health&area={MANGGAR}&q=")
        _first_provider(page).get_by_role("link", name="Puskesmas Manggar").wait_for()
        page.go_back()
        page.wait_for_url(f"{base}/mitra/?service=legal_aid&area={MANGGAR}&q=")
        first = _first_provider(page)
        first.get_by_role("link", name="Posbakum Aisyiyah Balikpapan").wait_for()
    first.get_by_role("link", name="Posbakum Aisyiyah Balikpapan").click()
    page.wait_for_url(f"{base}/mitra/posbakum-aisyiyah/")
    assert (
        "Senin–Sabtu 08.00–15.00 WITA"
        in page.get_by_test_id("provider-posbakum-aisyiyah").inner_text()
    )
    _shot(page, f"mitra-detail-{width}{'' if javascript else '-nojs'}")
    context.close()
