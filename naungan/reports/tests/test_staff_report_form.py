"""The staff "new report" page (/laporan/baru/): intake, supervisors and activists record a
report taken by phone, in person or in the field; the code and PIN are shown once."""

from __future__ import annotations

import re
from typing import Any

import pytest

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
}


def _post(persona: Any, **extra: str) -> Any:
    return persona.client.post("/laporan/baru/", {**FORM, "submission": "staff-form-1", **extra})


def test_supervisor_records_a_hotline_report_and_sees_code_and_pin_once(personas: Any) -> None:
    sup = personas["supervisor_bpp"]
    assert sup.client.get("/laporan/baru/").status_code == 200
    response = _post(sup, channel="hotline", medium="whatsapp")
    assert response.status_code == 200
    html = response.content.decode()
    code = re.search(r'data-testid="tracking-code">([^<]+)<', html)
    assert code
    assert re.search(r'data-testid="pin">\d+<', html)
    report = Report.objects.get()
    assert report.tracking_code == code.group(1)
    assert (report.channel, report.medium, report.created_by) == ("hotline", "whatsapp", sup.user)
    assert report.area.code == "64.71.01.1001"
    assert f"/laporan/{report.public_id}/" in html
    assert AuditEvent.objects.filter(object_id=str(report.public_id), action="create").exists()


def test_an_activist_report_is_always_of_the_activist_channel(personas: Any) -> None:
    activist = personas["activist_bpp"]
    response = _post(activist, channel="walk_in")
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.channel, report.created_by) == ("activist", activist.user)
    # Her own report is hers to read; the intake queue of the area has it too.
    assert activist.client.get(f"/laporan/{report.public_id}/").status_code == 200
    assert report.tracking_code in personas["intake_bpp"].client.get("/laporan/").content.decode()


def test_resubmitting_the_same_form_stores_one_report(personas: Any) -> None:
    intake = personas["intake_bpp"]
    first = _post(intake, channel="walk_in")
    second = _post(intake, channel="walk_in")
    assert first.status_code == second.status_code == 200
    assert Report.objects.count() == 1


def test_a_bad_form_names_the_field_and_stores_nothing(personas: Any) -> None:
    response = _post(personas["intake_bpp"], channel="walk_in", description="pendek")
    assert response.status_code == 200
    assert "description" in response.content.decode()
    assert not Report.objects.exists()


def _selected_channel(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="channel".*?</select>', html, re.S)
    assert select
    return re.findall(r'<option value="([^"]+)"[^>]*selected', select.group(0))


def test_the_staff_form_speaks_about_the_reporter(personas: Any) -> None:
    html = personas["intake_bpp"].client.get("/laporan/baru/").content.decode()
    for label in ("Nama pelapor", "Identitas pelapor", "Pelapor adalah", "Jenis laporan"):
        assert label in html
    for words in ("Nama Anda", "Identitas Anda", "Anda adalah", "Apa yang ingin Anda lakukan"):
        assert words not in html


def test_the_desk_channel_defaults_to_hotline_and_offers_every_staff_channel(
    personas: Any,
) -> None:
    html = personas["intake_bpp"].client.get("/laporan/baru/").content.decode()
    assert _selected_channel(html) == ["hotline"]
    assert 'value="walk_in"' in html
    assert 'name="medium"' in html


def test_an_activist_form_is_fixed_to_the_activist_channel(personas: Any) -> None:
    html = personas["activist_bpp"].client.get("/laporan/baru/").content.decode()
    select = re.search(r'<select[^>]*name="channel".*?</select>', html, re.S)
    assert select
    assert re.findall(r'<option value="([^"]+)"', select.group(0)) == ["activist"]
    assert " disabled" in select.group(0)
    assert 'name="medium"' not in html  # hotline only


def test_an_activist_posting_another_channel_is_recorded_as_activist(personas: Any) -> None:
    activist = personas["activist_bpp"]
    response = _post(activist, channel="hotline", medium="phone")
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.channel, report.medium) == ("activist", "")
