"""The reporter switches language without losing anything, on a phone without JavaScript: the
story typed on /lapor/, the code and PIN on the answer, the status on /lapor/status/. And the
tracking code shows unbroken on a 360 × 740 screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from naungan.core.testing.browser import axe_violations

pytestmark = pytest.mark.browser

STORY = "Ayah tiri saya sering membentak dan mengunci saya di kamar."
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(page: Any) -> Iterator[Any]:
    """A small phone without JavaScript, in Indonesian."""
    context = page.context.browser.new_context(
        java_script_enabled=False, locale="id-ID", viewport=PHONE
    )
    context.set_default_timeout(10_000)
    pg = context.new_page()
    yield pg
    context.close()


def _reports(app_server: Any) -> int:
    return int(
        app_server.shell("from naungan.reports.models import Report; print(Report.objects.count())")
    )


def _switch(pg: Any, language: str) -> None:
    """Press the header's language button and wait for the page it brings."""
    with pg.expect_navigation():
        pg.get_by_test_id(f"lang-{language}").click()


def _lang(pg: Any) -> str:
    return str(pg.locator("html").get_attribute("lang"))


def _no_code_anywhere(pg: Any, *secrets: str) -> None:
    assert not any(s in pg.url for s in secrets)
    for cookie in pg.context.cookies():
        assert not any(s in cookie["value"] for s in secrets)
        assert cookie["expires"] == -1  # browser-session cookies only


def test_switching_language_keeps_the_story_and_the_report_is_sent_once(
    app_server: Any, phone: Any
) -> None:
    base = app_server.url
    before = _reports(app_server)
    phone.goto(f"{base}/lapor/")
    assert _lang(phone) == "id"
    phone.fill("#id_description", STORY)
    phone.check("input[name=violence_types][value=psychological]")
    _switch(phone, "en")
    assert _lang(phone) == "en"
    assert phone.locator("#id_description").input_value() == STORY
    assert phone.locator("input[name=violence_types][value=psychological]").is_checked()
    assert phone.get_by_test_id("form-errors").count() == 0
    assert _reports(app_server) == before

    _switch(phone, "id")
    assert _lang(phone) == "id"
    assert phone.locator("#id_description").input_value() == STORY
    phone.get_by_test_id("submit").click()
    code = phone.get_by_test_id("tracking-code").inner_text().strip()
    pin = phone.get_by_test_id("pin").inner_text().strip()
    assert "Laporan Anda sudah kami terima" in phone.locator("h1").inner_text()
    assert _reports(app_server) == before + 1

    # On the answer page the switch shows the same code and PIN again, in English.
    _switch(phone, "en")
    assert _lang(phone) == "en"
    assert phone.get_by_test_id("tracking-code").inner_text().strip() == code
    assert phone.get_by_test_id("pin").inner_text().strip() == pin
    assert _reports(app_server) == before + 1
    _no_code_anywhere(phone, code, pin)


def test_switching_language_on_the_status_page_shows_the_status_again(
    app_server: Any, phone: Any
) -> None:
    base = app_server.url
    phone.goto(f"{base}/lapor/")
    phone.fill("#id_description", STORY)
    phone.check("input[name=violence_types][value=psychological]")
    phone.get_by_test_id("submit").click()
    code = phone.get_by_test_id("tracking-code").inner_text().strip()
    pin = phone.get_by_test_id("pin").inner_text().strip()

    phone.goto(f"{base}/lapor/status/")
    phone.fill("#id_tracking_code", code)
    phone.fill("#id_pin", pin)
    phone.locator("[data-testid=status-form] button[type=submit]").click()
    assert phone.get_by_test_id("status-label").inner_text() == "Diterima"
    phone.fill("#id_body", "Pesan yang belum saya kirim")
    _switch(phone, "en")
    assert _lang(phone) == "en"
    assert phone.get_by_test_id("status-code").inner_text().strip() == code
    assert phone.get_by_test_id("status-label").inner_text() == "Received"
    assert phone.locator("#id_body").input_value() == "Pesan yang belum saya kirim"
    _switch(phone, "id")
    assert phone.get_by_test_id("status-label").inner_text() == "Diterima"
    _no_code_anywhere(phone, code, pin)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_tracking_code_is_one_unbroken_line_on_a_phone(
    app_server: Any, page: Any, javascript: bool
) -> None:
    context = page.context.browser.new_context(
        java_script_enabled=javascript, locale="id-ID", viewport=PHONE
    )
    pg = context.new_page()
    pg.goto(f"{app_server.url}/lapor/")
    pg.fill("#id_description", STORY)
    pg.check("input[name=violence_types][value=psychological]")
    pg.get_by_test_id("submit").click()
    for testid in ("tracking-code", "pin"):
        code = pg.get_by_test_id(testid)
        box = code.bounding_box()
        line = code.evaluate("e => parseFloat(getComputedStyle(e.parentElement).lineHeight)")
        assert box["height"] < 1.5 * line, (testid, box, line)
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_switched_pages_have_no_serious_accessibility_violations(
    app_server: Any, axe_page: Any
) -> None:
    pg = axe_page
    pg.goto(f"{app_server.url}/lapor/")
    pg.fill("#id_description", STORY)
    _switch(pg, "en")
    assert axe_violations(pg) == []
    pg.check("input[name=violence_types][value=psychological]")
    pg.get_by_test_id("submit").click()
    code = pg.get_by_test_id("tracking-code").inner_text().strip()
    pin = pg.get_by_test_id("pin").inner_text().strip()
    assert axe_violations(pg) == []
    pg.goto(f"{app_server.url}/lapor/status/")
    pg.fill("#id_tracking_code", code)
    pg.fill("#id_pin", pin)
    pg.locator("[data-testid=status-form] button[type=submit]").click()
    assert pg.get_by_test_id("status-label").inner_text() == "Received"
    _switch(pg, "id")
    assert pg.get_by_test_id("status-label").inner_text() == "Diterima"
    assert axe_violations(pg) == []
