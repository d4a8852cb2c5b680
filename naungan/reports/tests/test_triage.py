"""Triage (DESIGN §4, §8): short response clocks for emergency and high counted from receipt,
configurable; the quick checklist suggests a level and a lower choice needs a reason, stored
and audited; the intake queue puts untriaged reports first, then the earliest deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.core.models import AuditEvent
from naungan.reports import selectors, services
from naungan.reports.models import Report, ReportStatus, TriageClock

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_report(public: Any, report_body: Any) -> Any:
    """A fresh public report received ``minutes_ago``."""

    def make(minutes_ago: int = 0) -> Report:
        assert public.submit(report_body).status_code == 201
        report = Report.objects.order_by("-id").first()
        assert report is not None
        received = timezone.now() - dt.timedelta(minutes=minutes_ago)
        Report.objects.filter(pk=report.pk).update(received_at=received)
        report.refresh_from_db()
        return report

    return make


@pytest.mark.parametrize(
    ("level", "hours"), [("emergency", 1), ("high", 3), ("medium", 6), ("low", 72)]
)
def test_response_clock_counts_clock_hours_from_receipt(
    personas: Any, new_report: Any, level: str, hours: int
) -> None:
    report = new_report(minutes_ago=10)
    done = services.report_triage(actor=personas["intake_bpp"].user, report=report, level=level)
    assert done.response_due_at == report.received_at + dt.timedelta(hours=hours)


def test_an_emergency_triaged_at_once_is_not_late(personas: Any, new_report: Any) -> None:
    report = new_report(minutes_ago=5)
    report = services.report_triage(
        actor=personas["intake_bpp"].user, report=report, level="emergency"
    )
    assert selectors.report_is_overdue(report) is False


def test_clocks_are_settings_and_a_units_own_clock_wins(
    personas: Any, new_report: Any, settings: Any, orgs: Any
) -> None:
    settings.REPORT_TRIAGE_HOURS_EMERGENCY = 2
    settings.REPORT_TRIAGE_HOURS_HIGH = 0
    report = new_report()
    intake = personas["intake_bpp"].user
    report = services.report_triage(actor=intake, report=report, level="emergency")
    assert report.response_due_at == report.received_at + dt.timedelta(hours=2)
    assert services.triage_clocks(None)["high"] == 0
    TriageClock.objects.create(organisation=report.organisation, level="emergency", hours=4)
    report = services.report_triage(actor=intake, report=report, level="emergency")
    assert report.response_due_at == report.received_at + dt.timedelta(hours=4)


def test_a_level_change_never_restarts_the_clock(personas: Any, new_report: Any) -> None:
    report = new_report(minutes_ago=30)
    intake = personas["intake_bpp"].user
    services.report_triage(actor=intake, report=report, level="medium")
    report = services.report_triage(actor=intake, report=report, level="emergency")
    assert report.response_due_at == report.received_at + dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("checklist", "suggested"),
    [
        (["child"], "emergency"),
        (["danger_now", "suicidal"], "emergency"),
        (["suicidal"], "high"),
        (["trafficking", "pregnant_disability"], "high"),
        ([], ""),
    ],
)
def test_checklist_suggests_a_level(checklist: list[str], suggested: str) -> None:
    assert services.triage_suggest(checklist) == suggested


def test_a_level_below_the_suggestion_needs_a_reason(personas: Any, new_report: Any) -> None:
    report = new_report()
    intake = personas["intake_bpp"].user
    with pytest.raises(ValidationError) as refused:
        services.report_triage(actor=intake, report=report, level="medium", checklist=["child"])
    assert list(refused.value.message_dict) == ["reason"]
    assert "Darurat" in refused.value.message_dict["reason"][0]
    report.refresh_from_db()
    assert (report.triage, report.status) == ("", ReportStatus.RECEIVED)
    # The suggested level, or a higher one, needs none.
    services.report_triage(actor=intake, report=report, level="emergency", checklist=["child"])
    other = new_report()
    services.report_triage(actor=intake, report=other, level="emergency", checklist=["suicidal"])


def test_the_reason_and_the_answers_are_stored_and_audited(personas: Any, new_report: Any) -> None:
    report = new_report()
    report = services.report_triage(
        actor=personas["intake_bpp"].user,
        report=report,
        level="high",
        checklist=["suicidal", "child"],
        reason="  Anak sudah dijemput neneknya  ",
    )
    report.refresh_from_db()
    assert report.triage_checklist == ["child", "suicidal"]  # the checklist's order
    assert report.triage_reason == "Anak sudah dijemput neneknya"
    event = AuditEvent.objects.filter(object_id=str(report.public_id), categories="triage").get()
    assert "emergency" in event.reason
    assert "Anak sudah dijemput neneknya" in event.reason


def test_only_a_supervisor_lowers_a_level_still(personas: Any, new_report: Any) -> None:
    report = new_report()
    intake, supervisor = personas["intake_bpp"].user, personas["supervisor_bpp"].user
    services.report_triage(actor=intake, report=report, level="high")
    with pytest.raises(services.TransitionNotAllowed):
        services.report_triage(actor=intake, report=report, level="low", reason="aman")
    with pytest.raises(ValidationError):
        services.report_triage(actor=supervisor, report=report, level="low")
    services.report_triage(actor=supervisor, report=report, level="low", reason="aman")


def test_unknown_checklist_item_is_refused(personas: Any, new_report: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.report_triage(
            actor=personas["intake_bpp"].user,
            report=new_report(),
            level="high",
            checklist=["nope"],
        )
    assert list(refused.value.message_dict) == ["checklist"]


def test_queue_puts_untriaged_first_longest_waiting_on_top_then_by_deadline(
    personas: Any, new_report: Any
) -> None:
    intake = personas["intake_bpp"].user
    low_old = new_report(minutes_ago=300)
    emergency_new = new_report(minutes_ago=10)
    waiting_new = new_report(minutes_ago=5)
    waiting_old = new_report(minutes_ago=60)
    high_mid = new_report(minutes_ago=120)
    closed = new_report(minutes_ago=1)
    services.report_triage(actor=intake, report=low_old, level="low")  # due in ~67 h
    services.report_triage(actor=intake, report=emergency_new, level="emergency")  # ~50 min
    services.report_triage(actor=intake, report=high_mid, level="high")  # ~60 min
    services.report_close(actor=intake, report=closed, reason="Informasi diberikan")
    order = [r.pk for r in selectors.report_queue(user=intake)]
    assert order == [
        waiting_old.pk,
        waiting_new.pk,
        emergency_new.pk,
        high_mid.pk,
        low_old.pk,
        closed.pk,
    ]
    assert closed.pk not in [r.pk for r in selectors.report_queue(user=intake, open_only=True)]
