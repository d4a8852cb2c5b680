"""Outreach visits (DESIGN §6.2): planned with the team, the safety check before leaving (a
visit cannot depart or be done without it), the result, the emergency outreach task done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.services.exceptions import (
    PoliceEscortRequired,
    SafetyCheckMissing,
    VisitDone,
    VisitUnsafe,
)
from naungan.services.models import OutreachVisit
from naungan.services.services import (
    EpisodeIn,
    VisitIn,
    episode_open,
    outreach_depart,
    outreach_result,
    outreach_safety_check,
    outreach_visit_plan,
)


def _visit(personas, case, **kwargs):
    cw = personas["caseworker_bpp"].user
    plan = VisitIn(
        planned_at=timezone.now() + timedelta(hours=2),
        team="Rina (pendamping), Dewi (psikolog)",
        transport="Mobil dinas",
        **kwargs,
    )
    episode = episode_open(
        actor=cw, case=case, data=EpisodeIn(service="outreach", visit=plan)
    ).episode
    return episode.visits.get()


def test_a_visit_cannot_leave_or_be_done_without_the_safety_check(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    visit = _visit(personas, bpp_case)
    with pytest.raises(SafetyCheckMissing):
        outreach_depart(actor=cw, visit=visit)
    with pytest.raises(SafetyCheckMissing):
        outreach_result(actor=cw, visit=visit, result="found")
    assert OutreachVisit.objects.get(pk=visit.pk).status == "planned"


def test_a_checked_safe_visit_departs_and_records_its_result(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    visit = _visit(personas, bpp_case)
    visit = outreach_safety_check(
        actor=cw, visit=visit, perpetrator_present=False, safe_for_victim=True
    )
    assert visit.safety_checked_by == cw
    visit = outreach_depart(actor=cw, visit=visit)
    assert visit.status == "departed"
    visit = outreach_result(actor=cw, visit=visit, result="rescued", note="Dibawa ke RSUD")
    assert (visit.status, visit.result) == ("done", "rescued")
    with pytest.raises(VisitDone):
        outreach_result(actor=cw, visit=visit, result="found")


def test_an_unsafe_visit_does_not_leave(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    visit = _visit(personas, bpp_case)
    outreach_safety_check(actor=cw, visit=visit, perpetrator_present=False, safe_for_victim=False)
    with pytest.raises(VisitUnsafe):
        outreach_depart(actor=cw, visit=visit)


def test_with_the_perpetrator_there_only_with_police(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    visit = _visit(personas, bpp_case)
    outreach_safety_check(actor=cw, visit=visit, perpetrator_present=True, safe_for_victim=True)
    with pytest.raises(PoliceEscortRequired):
        outreach_depart(actor=cw, visit=visit)
    escorted = _visit(personas, bpp_case, with_police=True)
    outreach_safety_check(actor=cw, visit=escorted, perpetrator_present=True, safe_for_victim=True)
    assert outreach_depart(actor=cw, visit=escorted).status == "departed"


def test_a_result_is_one_of_the_four_and_a_team_is_named(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    visit = _visit(personas, bpp_case)
    outreach_safety_check(actor=cw, visit=visit, perpetrator_present=False, safe_for_victim=True)
    with pytest.raises(ValidationError) as exc:
        outreach_result(actor=cw, visit=visit, result="lost")
    assert "result" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        outreach_visit_plan(
            actor=cw, episode=visit.episode, visit=VisitIn(planned_at=timezone.now(), team=" ")
        )
    assert "team" in exc.value.message_dict


def test_the_emergency_outreach_task_is_done_with_a_result(make_bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    case = make_bpp_case(triage="emergency")
    task = case.tasks.get(kind="outreach")
    assert task.status == "open"
    visit = _visit(personas, case)
    outreach_safety_check(actor=cw, visit=visit, perpetrator_present=False, safe_for_victim=True)
    outreach_result(actor=cw, visit=visit, result="found")
    task.refresh_from_db()
    assert task.status == "done"
