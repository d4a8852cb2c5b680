"""A triaged case owes a first response within its level's clock, counted from received_at,
whether it was opened directly or from a report (DESIGN §4): the same clocks as the reports."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naungan.cases import services
from naungan.cases.exceptions import TransitionNotAllowed
from naungan.cases.models import Case, Task
from naungan.reports import services as report_services
from naungan.reports.models import Report

from .factories import make_case

pytestmark = pytest.mark.django_db


def test_direct_emergency_case_gets_a_first_response_due_an_hour_after_receipt(personas):
    received = timezone.now() - timedelta(minutes=15)
    case = make_case(personas["intake_bpp"].user, received_at=received, triage="emergency")
    task = Task.objects.get(case=case, kind="first_response")
    assert task.due_at == received + timedelta(hours=1)
    assert task.status == "open"
    assert not task.overdue


def test_no_first_response_task_without_triage_or_once_the_clock_has_run_out(personas):
    intake = personas["intake_bpp"].user
    untriaged = make_case(intake)
    late = make_case(intake, received_at=timezone.now() - timedelta(hours=4), triage="high")
    assert not Task.objects.filter(case__in=[untriaged, late], kind="first_response").exists()


def _report() -> Report:
    result = report_services.report_submit(
        actor=None,
        data=report_services.ReportInput(
            kind="complaint",
            reporter_relation="witness",
            violence_types=["physical"],
            description="Tetangga saya dipukul suaminya tadi malam.",
            area_code="64.71.01",
        ),
    )
    assert result.report is not None
    return result.report


def test_converted_report_keeps_its_clock_and_a_changed_level_counts_from_receipt(personas):
    intake = personas["intake_bpp"].user
    first, second = _report(), _report()
    Report.objects.update(received_at=timezone.now() - timedelta(minutes=30))
    first.refresh_from_db()
    second.refresh_from_db()
    report_services.report_triage(actor=intake, report=first, level="high")
    first.refresh_from_db()
    case = services.report_convert(actor=intake, report=first)
    assert Task.objects.get(case=case, kind="first_response").due_at == first.response_due_at
    assert first.response_due_at == first.received_at + timedelta(hours=3)
    report_services.report_triage(actor=intake, report=second, level="medium")
    case = services.report_convert(actor=intake, report=second, triage="emergency")
    task = Task.objects.get(case=case, kind="first_response")
    assert task.due_at == second.received_at + timedelta(hours=1)


def test_case_page_shows_the_time_left_and_late_only_past_the_deadline(personas):
    intake = personas["intake_bpp"]
    received = timezone.now() - timedelta(minutes=15, seconds=30)
    case = make_case(intake.user, received_at=received, triage="emergency")
    html = intake.client.get(f"/kasus/{case.public_id}/").content.decode()
    assert "sisa 44 menit" in html
    assert "terlambat" not in html
    Task.objects.filter(case=case).update(due_at=timezone.now() - timedelta(minutes=3, seconds=5))
    html = intake.client.get(f"/kasus/{case.public_id}/").content.decode()
    assert '<span class="overdue" data-testid="task-time-left">terlambat 3 menit</span>' in html


@pytest.mark.parametrize("role", ["intake_bpp", "supervisor_bpp"])
def test_converting_cannot_lower_the_triage_level(personas, role):
    """Lowering a level needs the triage action (a supervisor, with a reason); the convert
    call that tries it stores nothing: the report stays open, no case is made."""
    actor = personas[role].user
    report = _report()
    report_services.report_triage(actor=personas["intake_bpp"].user, report=report, level="high")
    report.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        services.report_convert(actor=actor, report=report, triage="low")
    report.refresh_from_db()
    assert report.is_open
    assert report.triage == "high"
    assert not Case.objects.filter(source_report=report).exists()
    response = personas[role].api(
        "POST", f"/api/v1/reports/{report.public_id}/convert", {"triage": "low"}
    )
    assert response.status_code == 409, response.content
    assert "diturunkan" in response.json()["detail"]
    case = services.report_convert(actor=actor, report=report, triage="emergency")
    assert case.triage == "emergency"
