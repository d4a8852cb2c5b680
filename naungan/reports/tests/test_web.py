from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from naungan.core.models import AuditEvent
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "complaint",
    "reporter_relation": "witness",
    "anonymous": "1",
    "description": "Tetangga saya memukul anaknya setiap malam.",
    "violence_types": ["physical"],
    "kecamatan": "64.71.01",
    "kelurahan": "64.71.01.1001",
    "submission": "form-token-1",
}


def _code_and_pin(html: str) -> tuple[str, str]:
    code = re.search(r'data-testid="tracking-code">([^<]+)<', html)
    pin = re.search(r'data-testid="pin">([^<]+)<', html)
    assert code
    assert pin
    return code.group(1), pin.group(1)


def test_public_form_page_is_safe(client: Client) -> None:
    response = client.get("/lapor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert 'id="quick-exit"' in html
    assert "112" in html
    assert "SAPA 129" in html
    assert "<style" not in html
    assert "style=" not in html
    assert "<script>" not in html
    assert "http://" not in html.replace("https://www.google.com", "")
    assert 'autocomplete="off"' in html
    assert "<title>Informasi layanan</title>" in html
    assert "Manggar" in html  # kelurahan of Balikpapan offered


def test_public_form_submits_without_js_and_shows_code_once(client: Client) -> None:
    response = client.post("/lapor/", FORM)
    assert response.status_code == 201
    code, pin = _code_and_pin(response.content.decode())
    report = Report.objects.get(tracking_code=code)
    assert report.area.code == "64.71.01.1001"
    assert report.channel == "web"
    assert code not in response.get("Location", "")
    # A double submit of the same form shows the same code and PIN, stores nothing new.
    again = client.post("/lapor/", FORM)
    assert _code_and_pin(again.content.decode()) == (code, pin)
    assert Report.objects.count() == 1


def test_public_form_keeps_text_when_invalid(client: Client) -> None:
    data = {**FORM, "description": "pendek", "location_detail": "Jl. Mawar RT 03"}
    response = client.post("/lapor/", data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "pendek" in html
    assert "Jl. Mawar RT 03" in html
    assert 'id="err-description"' in html
    assert Report.objects.count() == 0


def test_kelurahan_outside_kecamatan_is_an_error(client: Client) -> None:
    response = client.post("/lapor/", {**FORM, "kecamatan": "64.71.02"})
    assert response.status_code == 422
    assert 'id="err-kelurahan"' in response.content.decode()


def test_status_page_by_post_shows_thread_and_takes_message(client: Client) -> None:
    code, pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    assert client.get("/lapor/status/").status_code == 200
    response = client.post("/lapor/status/", {"tracking_code": code.lower(), "pin": pin})
    assert response.status_code == 200
    assert "Diterima" in response.content.decode()
    sent = client.post(
        "/lapor/status/",
        {"tracking_code": code, "pin": pin, "action": "message", "body": "Saya butuh bantuan."},
    )
    assert "Saya butuh bantuan." in sent.content.decode()
    assert Report.objects.get().messages.count() == 1


def test_status_page_wrong_pin_and_unknown_code_look_the_same(client: Client) -> None:
    code, pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    wrong = client.post("/lapor/status/", {"tracking_code": code, "pin": "0000000"})
    unknown = client.post("/lapor/status/", {"tracking_code": "LP-AAAA-AAAA", "pin": pin})
    assert wrong.status_code == unknown.status_code == 404
    strip = lambda r: re.sub(r'value="[^"]*"', "", r.content.decode())  # noqa: E731
    assert strip(wrong) == strip(unknown)


def test_staff_queue_detail_triage_and_reply(personas: Any, client: Client) -> None:
    code, pin = _code_and_pin(client.post("/lapor/", FORM).content.decode())
    report = Report.objects.get()
    intake = personas["intake_bpp"].client
    queue = intake.get("/laporan/")
    assert queue.status_code == 200
    assert code in queue.content.decode()
    assert code in intake.get("/").content.decode()  # home page section
    partial = intake.get("/laporan/?kind=curhat", HTTP_HX_REQUEST="true")
    assert code not in partial.content.decode()
    assert "<html" not in partial.content.decode()
    detail = intake.get(f"/laporan/{report.public_id}/")
    assert detail.status_code == 200
    assert FORM["description"] in detail.content.decode()
    assert AuditEvent.objects.filter(object_id=str(report.public_id), action="view").exists()
    url = f"/laporan/{report.public_id}/"
    assert intake.post(url, {"action": "triage", "level": "high"}).status_code == 302
    assert intake.post(url, {"action": "message", "body": "Kami segera datang."}).status_code == 302
    report.refresh_from_db()
    assert report.status == "triaged"
    status = client.post("/lapor/status/", {"tracking_code": code, "pin": pin}).content.decode()
    assert "Kami segera datang." in status
    assert "Sedang ditangani" in status
    assert "intake_bpp" not in status


def test_staff_create_form(personas: Any) -> None:
    intake = personas["intake_bpp"].client
    assert intake.get("/laporan/baru/").status_code == 200
    response = intake.post(
        "/laporan/baru/",
        {**FORM, "channel": "walk_in", "submission": "staff-1", "victim_name": "Ani"},
    )
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.channel, report.created_by, report.victim_name) == (
        "walk_in",
        personas["intake_bpp"].user,
        "Ani",
    )


@pytest.mark.parametrize("who", ["intake_kalteng", "provider_bpp", "analyst_bpp", "admin_bpp"])
def test_out_of_scope_staff_do_not_see_the_report_in_the_queue(
    personas: Any, client: Client, who: str
) -> None:
    # The 404 of the report's own pages is in the authorisation matrix; here the queue.
    client.post("/lapor/", FORM)
    report = Report.objects.get()
    persona = personas[who].client
    if who == "intake_kalteng":
        assert report.tracking_code not in persona.get("/laporan/").content.decode()
    else:
        assert persona.get("/laporan/").status_code == 404


def test_language_switch_to_english_keeps_page(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/lapor/"})
    assert response.status_code == 302
    assert client.get("/lapor/").status_code == 200
