"""Public reporting journeys in Debian chromium: a report without JavaScript, code and PIN,
status, a message exchange with intake, and quick exit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from naungan.core.testing.browser import axe_violations, login
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.google.com/search?q=cuaca"


@pytest.fixture
def nojs(page: Any) -> Iterator[Any]:
    context = page.context.browser.new_context(java_script_enabled=False, locale="id-ID")
    context.set_default_timeout(10_000)
    pg = context.new_page()
    yield pg
    context.close()


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF\n"


def _submit_report(
    pg: Any, base: str, text: str, files: list[Any] | None = None
) -> tuple[str, str]:
    pg.goto(f"{base}/lapor/")
    pg.fill("#id_description", text)
    pg.check("input[name=violence_types][value=psychological]")
    if files:
        pg.set_input_files("#id_attachments", files)
    pg.get_by_test_id("submit").click()
    code = pg.get_by_test_id("tracking-code").inner_text().strip()
    pin = pg.get_by_test_id("pin").inner_text().strip()
    return code, pin


def _open_status(pg: Any, base: str, code: str, pin: str) -> None:
    pg.goto(f"{base}/lapor/status/")
    pg.fill("#id_tracking_code", code)
    pg.fill("#id_pin", pin)
    pg.locator("[data-testid=status-form] button[type=submit]").click()


def test_report_without_javascript_then_status_and_message_exchange(
    app_server: Any, page: Any, nojs: Any
) -> None:
    base = app_server.url
    # A validation error keeps what was typed.
    nojs.goto(f"{base}/lapor/")
    nojs.fill("#id_description", "pendek")
    nojs.get_by_test_id("submit").click()
    assert nojs.get_by_test_id("form-errors").is_visible()
    assert nojs.locator("#id_description").input_value() == "pendek"

    pdf = {"name": "ancaman.pdf", "mimeType": "application/pdf", "buffer": PDF}
    code, pin = _submit_report(
        nojs, base, "Suami saya mengancam saya setiap hari di rumah.", files=[pdf]
    )
    assert nojs.get_by_test_id("attachment-count").is_visible()
    assert code.startswith("LP-")
    assert len(pin) >= 6
    assert code not in nojs.url

    _open_status(nojs, base, code, pin)
    assert nojs.get_by_test_id("status-label").inner_text() == "Diterima"
    nojs.fill("#id_body", "Saya hanya bisa dihubungi lewat pesan.")
    nojs.get_by_test_id("send-message").click()
    assert "Saya hanya bisa dihubungi lewat pesan." in nojs.get_by_test_id("thread").inner_text()

    # Intake sees the report with an unread message, opens it, replies.
    login(page, base, "intake_bpp", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/laporan/")
    page.get_by_role("link", name=code).click()
    assert "mengancam" in page.get_by_test_id("report-description").inner_text()
    with page.expect_download() as download:
        page.get_by_test_id("attachment-link").click()
    assert download.value.suggested_filename.startswith(f"lampiran-{code}-")
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as fh:
        assert fh.read() == PDF
    page.fill("#id_body", "Terima kasih, petugas kami akan membalas lewat pesan.")
    page.get_by_test_id("reply").click()
    assert "petugas kami akan membalas" in page.get_by_test_id("thread").inner_text()

    _open_status(nojs, base, code, pin)
    thread = nojs.get_by_test_id("thread").inner_text()
    assert "Petugas" in thread
    assert "petugas kami akan membalas" in thread
    assert "intake_bpp" not in thread


def test_wrong_pin_shows_not_found_message(app_server: Any, nojs: Any) -> None:
    _open_status(nojs, app_server.url, "LP-AAAA-AAAA", "123456")
    assert "tidak cocok" in nojs.get_by_test_id("form-errors").inner_text()


def test_quick_exit_leaves_no_way_back(app_server: Any, page: Any) -> None:
    page.route("https://www.google.com/**", lambda route: route.fulfill(body="cuaca cerah"))
    page.goto(f"{app_server.url}/lapor/")
    page.fill("#id_description", "Sesuatu yang rahasia sekali")
    page.get_by_test_id("quick-exit").click()
    page.wait_for_url("https://www.google.com/**")
    page.go_back()
    assert "/lapor" not in page.url


def test_escape_key_exits(app_server: Any, page: Any) -> None:
    page.route("https://www.google.com/**", lambda route: route.fulfill(body="cuaca cerah"))
    page.goto(f"{app_server.url}/lapor/status/")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.google.com/**")


def test_quick_exit_is_a_plain_link_without_javascript(app_server: Any, nojs: Any) -> None:
    nojs.route("https://www.google.com/**", lambda route: route.fulfill(body="cuaca cerah"))
    nojs.goto(f"{app_server.url}/lapor/")
    assert nojs.get_by_test_id("quick-exit").get_attribute("href") == NEUTRAL
    nojs.get_by_test_id("quick-exit").click()
    nojs.wait_for_url("https://www.google.com/**")


@pytest.mark.parametrize("path", ["/lapor/", "/lapor/status/"])
def test_public_pages_have_no_serious_accessibility_violations(app_server, axe_page, path):
    axe_page.goto(f"{app_server.url}{path}")
    assert axe_violations(axe_page) == []


def test_public_form_errors_have_no_serious_accessibility_violations(app_server, axe_page):
    axe_page.goto(f"{app_server.url}/lapor/")
    axe_page.locator("form button[type=submit]").last.click()
    axe_page.wait_for_load_state()
    assert axe_violations(axe_page) == []
