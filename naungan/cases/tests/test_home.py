"""The reads behind each role's home page (``views/home.py``): what waits for a supervisor
(unassigned cases, decisions, their unit's overdue tasks), for a caseworker (assignments not
yet opened, reporters waiting for an answer), each scoped and the most urgent first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naungan.cases import selectors, services
from naungan.cases.models import Assignment, Case, Task
from naungan.cases.services.plans import plan_decide

from .factories import assign, make_case, submit_plan


def _numbers(cases):
    return [c.registration_number for c in cases]


# --- unassigned cases -----------------------------------------------------------------------


def test_unassigned_cases_of_the_supervisors_scope_emergency_first_untriaged_last(personas):
    intake = personas["intake_bpp"].user
    low = make_case(intake, triage="low", received_at=timezone.now() - timedelta(days=3))
    untriaged = make_case(intake, received_at=timezone.now() - timedelta(days=4))
    high = make_case(intake, triage="high")
    emergency = make_case(intake, triage="emergency")
    assigned = make_case(intake, triage="emergency")
    assign(personas["supervisor_bpp"].user, assigned, personas["caseworker_bpp"].user)
    elsewhere = make_case(personas["intake_kalteng"].user, area="62.71", triage="emergency")
    closed = make_case(intake, triage="emergency")
    Case.objects.filter(pk=closed.pk).update(status="closed", closed_at=timezone.now())

    got = selectors.cases_unassigned(user=personas["supervisor_bpp"].user)
    assert _numbers(got) == _numbers([emergency, high, low, untriaged])
    assert _numbers(selectors.cases_unassigned(user=personas["supervisor_kalteng"].user)) == [
        elsewhere.registration_number
    ]


def test_same_triage_nearest_deadline_first_then_longest_waiting(personas):
    intake = personas["intake_bpp"].user
    now = timezone.now()
    no_deadline = make_case(intake, triage="high", received_at=now - timedelta(hours=80))
    later = make_case(
        intake, triage="high", violence_types=["sexual"], received_at=now - timedelta(hours=10)
    )
    sooner = make_case(
        intake, triage="high", violence_types=["sexual"], received_at=now - timedelta(hours=50)
    )
    got = list(selectors.cases_unassigned(user=personas["supervisor_bpp"].user))
    assert _numbers(got) == _numbers([sooner, later, no_deadline])
    assert got[0].next_due == Task.objects.get(case=sooner).due_at


@pytest.mark.parametrize("unit_cases", [False, True])
def test_nobody_but_supervisors_gets_unassigned_cases(personas, settings, unit_cases):
    settings.CASEWORKER_SEES_UNIT_CASES = unit_cases
    make_case(personas["intake_bpp"].user, triage="emergency")
    for who in ("caseworker_bpp", "intake_bpp", "activist_bpp", "admin_bpp"):
        assert not selectors.cases_unassigned(user=personas[who].user).exists()


# --- decisions asked of a supervisor ----------------------------------------------------------


def test_submitted_plans_wait_for_the_areas_supervisors_but_not_their_author(personas, bpp_case):
    sup = personas["supervisor_bpp"].user
    plan = submit_plan(personas["caseworker_bpp"].user, bpp_case)
    assert list(selectors.plans_awaiting_decision(user=sup)) == [plan]
    assert not selectors.plans_awaiting_decision(user=personas["supervisor_kalteng"].user)
    assert not selectors.plans_awaiting_decision(user=personas["caseworker_bpp"].user)
    own = make_case(personas["intake_bpp"].user)
    assign(sup, own, sup)
    submit_plan(sup, own)
    assert list(selectors.plans_awaiting_decision(user=sup)) == [plan]
    plan_decide(actor=sup, plan=plan, approve=True)
    assert not selectors.plans_awaiting_decision(user=sup)


def test_closure_requests_wait_for_the_supervisors_but_not_the_requester(personas, make_user):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    case = make_case(personas["intake_bpp"].user)
    assign(sup, case, cw)
    closure = services.closure_request(actor=cw, case=case, reason="client_declined")
    assert list(selectors.closures_awaiting_decision(user=sup)) == [closure]
    assert not selectors.closures_awaiting_decision(user=personas["supervisor_kalteng"].user)
    assert not selectors.closures_awaiting_decision(user=cw)
    mine = make_case(personas["intake_bpp"].user)
    services.closure_request(actor=sup, case=mine, reason="client_declined")
    assert list(selectors.closures_awaiting_decision(user=sup)) == [closure]
    other = make_user("supervisor", "bpp", username="sup_kedua")
    assert len(selectors.closures_awaiting_decision(user=other)) == 2


def test_overdue_tasks_of_the_unit_whoever_owns_them_longest_overdue_first(personas):
    intake = personas["intake_bpp"].user
    sup = personas["supervisor_bpp"].user
    now = timezone.now()
    older = make_case(intake, violence_types=["sexual"], received_at=now - timedelta(days=6))
    newer = make_case(intake, violence_types=["sexual"], received_at=now - timedelta(days=4))
    make_case(intake, violence_types=["sexual"])  # due in 72 h: not overdue
    assign(sup, newer, personas["caseworker_bpp"].user)
    make_case(
        personas["intake_kalteng"].user,
        area="62.71",
        violence_types=["sexual"],
        received_at=now - timedelta(days=9),
    )
    tasks = list(selectors.tasks_overdue_in_scope(user=sup))
    assert [t.case for t in tasks] == [older, newer]
    assert tasks[1].owner == personas["caseworker_bpp"].user
    assert not selectors.tasks_overdue_in_scope(user=personas["caseworker_bpp"].user)


# --- a caseworker's new cases -----------------------------------------------------------------


def test_an_assignment_is_new_until_the_assigned_worker_opens_the_case(personas):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"]
    case = make_case(personas["intake_bpp"].user, triage="emergency")
    assign(sup, case, cw.user)
    assert [a.case for a in selectors.assignments_unseen(user=cw.user)] == [case]
    # Somebody else opening the case changes nothing for her.
    assert personas["supervisor_bpp"].client.get(f"/kasus/{case.public_id}/").status_code == 200
    assert [a.case for a in selectors.assignments_unseen(user=cw.user)] == [case]
    assert cw.client.get(f"/kasus/{case.public_id}/").status_code == 200
    assert selectors.assignments_unseen(user=cw.user) == []
    assert Assignment.objects.get(case=case, user=cw.user).seen_at is not None


def test_opening_the_case_through_the_api_counts_too(personas):
    cw = personas["caseworker_bpp"]
    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, cw.user, lead=False)
    assert [a.case for a in selectors.assignments_unseen(user=cw.user)] == [case]
    assert cw.api("get", f"/api/v1/cases/{case.public_id}").status_code == 200
    assert selectors.assignments_unseen(user=cw.user) == []


def test_new_cases_most_urgent_first_once_each_and_gone_when_released(personas):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    intake = personas["intake_bpp"].user
    medium = make_case(intake, triage="medium")
    emergency = make_case(intake, triage="emergency")
    released = make_case(intake, triage="emergency")
    for case in (medium, emergency, released):
        assign(sup, case, cw, lead=False)
    assign(sup, medium, cw)  # co-worker, then lead: one line
    services.case_unassign(actor=sup, case=released, assignee=cw)
    assert [a.case for a in selectors.assignments_unseen(user=cw)] == [emergency, medium]
    assert selectors.assignments_unseen(user=cw)[1].action == "lead"
    assign(sup, released, cw)  # assigned again: new again
    assert [a.case for a in selectors.assignments_unseen(user=cw)] == [
        emergency,
        released,
        medium,
    ]


def test_a_supervisor_assigning_themselves_has_nothing_new(personas):
    sup = personas["supervisor_bpp"].user
    case = make_case(personas["intake_bpp"].user)
    assign(sup, case, sup)
    assert selectors.assignments_unseen(user=sup) == []


def test_assignments_before_the_upgrade_are_not_new(personas):
    """The migration marks existing assignments seen: their workers know those cases."""
    import importlib

    from django.apps import apps

    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    Assignment.objects.update(seen_at=None)
    migration = importlib.import_module(
        "naungan.cases.migrations.0010_assignment_seen_and_approval_notices"
    )
    migration.assignments_before_now_are_seen(apps, None)
    row = Assignment.objects.get(case=case)
    assert row.seen_at == row.created_at
    assert selectors.assignments_unseen(user=personas["caseworker_bpp"].user) == []


# --- reporters waiting for an answer ----------------------------------------------------------

PUBLIC_REPORT = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "victim": {"name": "Sari Wulandari", "age": 16, "sex": "F"},
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "area_code": "64.71.01",
}


def reported_case(personas):
    """A public report (through the API), converted by intake and led by the Balikpapan
    caseworker; returns the case and a function that writes as the reporter."""
    import json

    from django.test import Client

    from naungan.reports.models import Report

    public = Client()
    r = public.post(
        "/api/v1/public/reports", json.dumps(PUBLIC_REPORT), content_type="application/json"
    )
    assert r.status_code == 201, r.content
    code, pin = r.json()["tracking_code"], r.json()["pin"]
    report = Report.objects.get(tracking_code=code)
    case = services.report_convert(actor=personas["intake_bpp"].user, report=report)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)

    def write(body: str) -> None:
        r = public.post(
            f"/api/v1/public/reports/{code}/messages",
            json.dumps({"body": body}),
            content_type="application/json",
            HTTP_X_REPORT_PIN=pin,
        )
        assert r.status_code == 201, r.content

    return case, write


def test_a_reporters_unread_messages_wait_on_the_cases_workers_until_read(personas):
    case, write = reported_case(personas)
    cw = personas["caseworker_bpp"]
    assert not selectors.cases_with_unread_messages(user=cw.user)
    write("Dia kembali lagi, saya takut.")
    write("Tolong segera.")
    waiting = list(selectors.cases_with_unread_messages(user=cw.user))
    assert waiting == [case]
    assert waiting[0].unread == 2
    assert waiting[0].waiting_since is not None
    for other in ("caseworker_kalteng", "supervisor_kalteng", "intake_bpp"):
        assert not selectors.cases_with_unread_messages(user=personas[other].user)
    cw.client.get(f"/kasus/{case.public_id}/")  # reading the thread marks it read
    assert not selectors.cases_with_unread_messages(user=cw.user)
