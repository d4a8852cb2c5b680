"""Triage on the report page and the queue: time left instead of a red "terlambat" at once,
the checklist's suggestion shown without JavaScript, a lower level refused without a reason
next to the field, the answers kept, a message after saving; the queue's order and words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone

from naungan.reports import services
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(public: Any, report_body: Any) -> Report:
    assert public.submit(report_body).status_code == 201
    report = Report.objects.get()
    Report.objects.filter(pk=report.pk).update(received_at=timezone.now() - dt.timedelta(minutes=8))
    report.refresh_from_db()
    return report


def _url(report: Report) -> str:
    return f"/laporan/{report.public_id}/"


def _triage_form(html: str) -> str:
    form = re.search(r"<form [^>]*data-triage-form.*?</form>", html, re.S)
    assert form, "the report page has a triage form"
    return form.group(0)


def _checked(form_html: str) -> list[str]:
    return re.findall(r'<input[^>]*name="checklist"[^>]*value="(\w+)"[^>]*checked', form_html)


def _selected_level(form_html: str) -> str:
    select = re.search(r'<select name="level".*?</select>', form_html, re.S)
    assert select
    chosen = re.search(r'<option value="(\w+)"[^>]*selected', select.group(0))
    assert chosen
    return chosen.group(1)


def test_saving_an_emergency_confirms_and_shows_time_left_not_late(
    personas: Any, report: Report
) -> None:
    intake = personas["intake_bpp"].client
    response = intake.post(
        _url(report), {"action": "triage", "level": "emergency", "checklist": ["child"]}
    )
    assert response.status_code == 302
    page = intake.get(_url(report))
    html = page.content.decode()
    assert re.search(r"Triase disimpan: Darurat, batas respons sisa 5[12] menit\.", html)
    left = re.search(r'data-testid="time-left">([^<]+)<', html)
    assert left
    assert left.group(1).startswith("sisa 5")
    assert "terlambat" not in html
    assert 'class="overdue"' not in html


def test_a_level_below_the_suggestion_is_refused_next_to_the_reason_with_answers_kept(
    personas: Any, report: Report
) -> None:
    intake = personas["intake_bpp"].client
    response = intake.post(
        _url(report),
        {"action": "triage", "level": "medium", "checklist": ["child", "suicidal"]},
    )
    assert response.status_code == 422
    form = _triage_form(response.content.decode())
    reason_field = re.search(r'id="div_triage_reason".*?</textarea>.*?</div>', form, re.S)
    assert reason_field
    assert "Daftar periksa menyarankan Darurat" in form
    assert form.index("Daftar periksa menyarankan Darurat") > form.index('id="div_triage_reason"')
    assert _checked(form) == ["child", "suicidal"]
    assert _selected_level(form) == "medium"
    assert "Saran daftar periksa:" in form
    assert "<strong data-suggestion-level>Darurat</strong>" in form
    report.refresh_from_db()
    assert report.triage == ""
    # With a reason it is saved, and the reason is shown and kept.
    response = intake.post(
        _url(report),
        {
            "action": "triage",
            "level": "medium",
            "checklist": ["child", "suicidal"],
            "reason": "Anak sudah bersama neneknya",
        },
        follow=True,
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert (report.triage, report.triage_reason) == ("medium", "Anak sudah bersama neneknya")


def test_reopened_form_shows_the_saved_answers_and_the_suggestion(
    personas: Any, report: Report
) -> None:
    services.report_triage(
        actor=personas["intake_bpp"].user,
        report=report,
        level="high",
        checklist=["danger_now", "trafficking"],
        reason="Pelaku sudah ditahan polisi",
    )
    html = personas["intake_bpp"].client.get(_url(report)).content.decode()
    form = _triage_form(html)
    assert _checked(form) == ["danger_now", "trafficking"]
    assert _selected_level(form) == "high"
    assert "Pelaku sudah ditahan polisi</textarea>" in form
    assert "<strong data-suggestion-level>Darurat</strong>" in form
    assert "data-reason-needed hidden" not in form  # high is below the suggestion


def test_untriaged_form_starts_from_medium_without_suggestion(
    personas: Any, report: Report
) -> None:
    html = personas["intake_bpp"].client.get(_url(report)).content.decode()
    form = _triage_form(html)
    assert _checked(form) == []
    assert _selected_level(form) == "medium"
    assert "Belum ada saran" in form
    assert 'data-testid="untriaged"' in html
    assert "menunggu 8 menit" in html
    assert "darurat 1 jam, tinggi 3 jam, sedang 6 jam, rendah 72 jam" in html


def test_suggest_button_without_javascript_sets_the_level_and_saves_nothing(
    personas: Any, report: Report
) -> None:
    response = personas["intake_bpp"].client.post(
        _url(report),
        {"action": "triage", "suggest": "1", "level": "low", "checklist": ["no_safe_place"]},
    )
    assert response.status_code == 200
    form = _triage_form(response.content.decode())
    assert _selected_level(form) == "high"
    assert _checked(form) == ["no_safe_place"]
    report.refresh_from_db()
    assert (report.triage, report.triage_checklist) == ("", [])


def test_the_page_loads_the_triage_script_from_a_file(personas: Any, report: Report) -> None:
    html = personas["intake_bpp"].client.get(_url(report)).content.decode()
    assert re.search(r'<script src="/static/js/triage\.[0-9a-f]+\.js" defer>', html)
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attrs


def test_queue_lists_untriaged_first_with_waiting_time_then_time_left(
    personas: Any, public: Any, report_body: Any
) -> None:
    intake = personas["intake_bpp"]
    codes = []
    for minutes_ago in (20, 90, 5):
        created = public.submit(report_body).json()
        codes.append(created["tracking_code"])
        Report.objects.filter(tracking_code=created["tracking_code"]).update(
            received_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
        )
    urgent = Report.objects.get(tracking_code=codes[0])
    services.report_triage(actor=intake.user, report=urgent, level="emergency")
    html = intake.client.get("/laporan/").content.decode()
    rows = re.findall(r'data-testid="queue-row">(.*?)</tr>', html, re.S)
    found = [next(c for c in codes if c in row) for row in rows]
    assert found == [codes[1], codes[2], codes[0]]
    assert "Belum ditriase" in rows[0]
    assert "menunggu 1 jam 30 menit" in rows[0]
    assert re.search(r"sisa 39 menit|sisa 40 menit", rows[2])
    assert "table-danger" not in rows[2]
    assert "terlambat" not in html
    # Late only once the deadline has passed.
    Report.objects.filter(pk=urgent.pk).update(
        response_due_at=timezone.now() - dt.timedelta(minutes=10, seconds=5)
    )
    html = intake.client.get("/laporan/").content.decode()
    assert "terlambat 10 menit" in html
    assert "table-danger" in html
