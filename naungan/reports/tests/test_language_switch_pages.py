"""Switching language keeps what was typed: the switch submits the page's own form (HTML's
``form`` attribute, no JavaScript) and the page comes back in the other language with the
typed values, nothing checked or stored. A reporter's code and PIN travel only in POST bodies,
never in a URL or a cookie; the language cookie lasts only as long as the browser session."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from naungan.reports.models import Report, ReportMessage

pytestmark = pytest.mark.django_db

STORY = "Suami saya memukul saya setiap malam sejak bulan lalu."
FORM = {
    "kind": "complaint",
    "reporter_relation": "family",
    "anonymous": "0",
    "reporter_name": "Sari",
    "reporter_phone": "081234567890",
    "description": STORY,
    "violence_types": ["physical", "psychological"],
    "victim_age": "34",
    "incident_date": "2026-01-15",
    "kecamatan": "64.71.01",
    "kelurahan": "64.71.01.1001",
    "location_detail": "RT 05 dekat masjid",
    "submission": "switch-form-1",
}


def _value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert tag, name
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def _checked(html: str, name: str) -> set[str]:
    tags = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return {v for t in tags if " checked" in t for v in re.findall(r'value="([^"]*)"', t)}


def _code_and_pin(html: str) -> tuple[str, str]:
    code = re.search(r'data-testid="tracking-code">([^<]+)<', html)
    pin = re.search(r'data-testid="pin">([^<]+)<', html)
    assert code
    assert pin
    return code.group(1), pin.group(1)


def _no_code_in_cookies(response: Any, *secrets: str) -> None:
    for morsel in response.cookies.values():
        assert not any(s in morsel.value for s in secrets)
        if morsel.key == "naungan_lang":
            assert not morsel["max-age"]
            assert not morsel["expires"]


def test_the_public_form_page_switch_submits_the_form_itself(client: Client) -> None:
    html = client.get("/lapor/").content.decode()
    assert 'id="report-form"' in html
    buttons = re.findall(r'<button[^>]*name="language"[^>]*>', html)
    assert len(buttons) == 2
    assert all('form="report-form"' in b for b in buttons)


def test_switching_language_on_the_form_keeps_the_story_and_stores_nothing(
    client: Client,
) -> None:
    response = client.post("/lapor/", {**FORM, "language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert STORY in html
    assert 'data-testid="form-errors"' not in html
    assert 'class="error"' not in html
    assert _value(html, "reporter_name") == "Sari"
    assert _value(html, "victim_age") == "34"
    assert _value(html, "incident_date") == "2026-01-15"
    assert _value(html, "location_detail") == "RT 05 dekat masjid"
    assert _value(html, "submission") == "switch-form-1"
    assert _checked(html, "violence_types") == {"physical", "psychological"}
    assert _checked(html, "anonymous") == {"0"}
    assert _checked(html, "reporter_relation") == {"family"}
    assert re.search(r'<option value="64.71.01.1001" selected>', html)
    assert not Report.objects.exists()
    assert response.cookies["naungan_lang"].value == "en"
    _no_code_in_cookies(response)
    assert "sessionid" not in response.cookies

    # Back in Indonesian, then the form is sent: one report, in the language chosen last.
    back = client.post("/lapor/", {**FORM, "language": "id"})
    assert STORY in back.content.decode()
    assert '<html lang="id">' in back.content.decode()
    done = client.post("/lapor/", FORM)
    assert done.status_code == 201
    assert Report.objects.count() == 1


def test_switching_an_empty_or_invalid_form_shows_no_errors(client: Client) -> None:
    response = client.post("/lapor/", {"description": "pendek", "language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "pendek" in html
    assert 'data-testid="form-errors"' not in html
    assert not Report.objects.exists()


def test_switching_on_the_answer_page_shows_code_and_pin_again(client: Client) -> None:
    code, pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    page = client.post("/lapor/", FORM).content.decode()  # the answer page (a replay)
    assert 'id="done-form"' in page
    assert re.search(r'<button[^>]*form="done-form"', page)
    again = client.post("/lapor/", {"tracking_code": code, "pin": pin, "language": "en"})
    assert again.status_code == 200
    html = again.content.decode()
    assert '<html lang="en">' in html
    assert _code_and_pin(html) == (code, pin)
    assert code not in again.get("Location", "")
    _no_code_in_cookies(again, code, pin)
    assert Report.objects.count() == 1


def test_switching_with_a_wrong_pin_shows_no_code(client: Client) -> None:
    code, _pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    response = client.post("/lapor/", {"tracking_code": code, "pin": "000000", "language": "en"})
    assert response.status_code == 200
    assert code not in response.content.decode()
    assert 'id="report-form"' in response.content.decode()


def test_switching_on_the_status_page_shows_the_status_again(client: Client) -> None:
    code, pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    shown = client.post("/lapor/status/", {"tracking_code": code, "pin": pin}).content.decode()
    assert 'id="message-form"' in shown
    # formnovalidate: an empty message box (required) must not block the switch.
    assert re.search(r'<button[^>]*form="message-form" formnovalidate', shown)
    response = client.post(
        "/lapor/status/",
        {
            "tracking_code": code,
            "pin": pin,
            "action": "message",
            "body": "Saya belum selesai menulis",
            "language": "en",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'data-testid="report-status"' in html
    assert "Saya belum selesai menulis" in html  # kept in the box, not sent
    assert not ReportMessage.objects.exists()
    _no_code_in_cookies(response, code, pin)


def test_switching_on_the_code_form_keeps_what_was_typed(client: Client) -> None:
    html = client.get("/lapor/status/").content.decode()
    assert re.search(r'<button[^>]*form="status-form"', html)
    response = client.post(
        "/lapor/status/", {"tracking_code": "LP-ABCD", "pin": "12", "language": "en"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert _value(html, "tracking_code") == "LP-ABCD"
    assert 'data-testid="form-errors"' not in html


def test_switching_on_the_staff_form_keeps_what_was_typed(personas: Any) -> None:
    intake = personas["intake_bpp"].client
    html = intake.get("/laporan/baru/").content.decode()
    assert re.search(r'<button[^>]*form="report-form"', html)
    response = intake.post("/laporan/baru/", {**FORM, "channel": "walk_in", "language": "en"})
    assert response.status_code == 200
    assert STORY in response.content.decode()
    assert not Report.objects.exists()


def test_switching_on_the_staff_answer_shows_code_and_pin_again(personas: Any) -> None:
    intake = personas["intake_bpp"].client
    html = intake.post("/laporan/baru/", {**FORM, "channel": "walk_in"}).content.decode()
    code, pin = _code_and_pin(html)
    assert re.search(r'<button[^>]*form="done-form"', html)
    again = intake.post("/laporan/baru/", {"tracking_code": code, "pin": pin, "language": "en"})
    assert again.status_code == 200
    assert _code_and_pin(again.content.decode()) == (code, pin)
    # Not for a staff member outside the report's area.
    other = personas["intake_kalteng"].client
    refused = other.post("/laporan/baru/", {"tracking_code": code, "pin": pin, "language": "en"})
    assert refused.status_code == 404
