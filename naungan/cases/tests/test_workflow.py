"""Transitions, closure with approval, reopening, tasks, assignment."""

from __future__ import annotations

import pytest

from naungan.cases import services
from naungan.cases.exceptions import (
    ApproverIsRequester,
    ClosureBlocked,
    InvalidAssignee,
    NotPermitted,
    ReasonRequired,
    TransitionNotAllowed,
)
from naungan.cases.models import Assignment, StatusChange, Task

from .factories import assign, make_case


def test_allowed_path_and_history(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    for status in ["assessment", "intervention", "monitoring", "intervention"]:
        services.case_transition(actor=cw, case=bpp_case, to_status=status)
    bpp_case.refresh_from_db()
    assert bpp_case.status == "intervention"
    assert StatusChange.objects.filter(case=bpp_case).count() == 5  # created + 4


@pytest.mark.parametrize("to", ["intervention", "monitoring", "open", "closed"])
def test_skipping_steps_from_open_is_not_allowed(personas, bpp_case, to):
    with pytest.raises(TransitionNotAllowed):
        services.case_transition(actor=personas["caseworker_bpp"].user, case=bpp_case, to_status=to)


def test_assessment_needs_a_lead(personas):
    case = make_case(personas["intake_bpp"].user)
    with pytest.raises(TransitionNotAllowed):
        services.case_transition(
            actor=personas["supervisor_bpp"].user, case=case, to_status="assessment"
        )


def test_intake_cannot_transition_the_case_they_created(personas, bpp_case):
    with pytest.raises(NotPermitted):
        services.case_transition(
            actor=personas["intake_bpp"].user, case=bpp_case, to_status="assessment"
        )


def test_closure_blocked_by_open_statutory_task_until_waived_by_supervisor(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    with pytest.raises(ClosureBlocked):
        services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    task = Task.objects.get(case=bpp_case, kind="police_report")
    with pytest.raises(NotPermitted):
        services.task_waive(actor=cw, task=task, reason="sudah dilaporkan keluarga")
    with pytest.raises(ReasonRequired):
        services.task_waive(actor=sup, task=task, reason="  ")
    services.task_waive(actor=sup, task=task, reason="LP sudah dibuat oleh keluarga")
    closure = services.closure_request(
        actor=cw, case=bpp_case, reason="client_declined", summary="ok"
    )
    assert closure.status == "pending"


def test_closure_approved_by_another_supervisor_never_the_requester(personas, bpp_case, make_user):
    sup = personas["supervisor_bpp"].user
    services.task_complete(actor=sup, task=Task.objects.get(case=bpp_case))
    closure = services.closure_request(actor=sup, case=bpp_case, reason="client_declined")
    with pytest.raises(ApproverIsRequester):
        services.closure_decide(actor=sup, closure=closure, approve=True)
    with pytest.raises(NotPermitted):
        services.closure_decide(
            actor=personas["caseworker_bpp"].user, closure=closure, approve=True
        )
    other = make_user("supervisor", "bpp", username="sup2")
    services.closure_decide(actor=other, closure=closure, approve=True)
    bpp_case.refresh_from_db()
    assert bpp_case.status == "closed"
    assert bpp_case.closed_at is not None


def test_rejection_needs_a_note_and_keeps_the_case_open(personas, bpp_case, make_user):
    cw = personas["caseworker_bpp"].user
    services.task_complete(actor=cw, task=Task.objects.get(case=bpp_case))
    closure = services.closure_request(actor=cw, case=bpp_case, reason="moved")
    sup = personas["supervisor_bpp"].user
    with pytest.raises(ReasonRequired):
        services.closure_decide(actor=sup, closure=closure, approve=False)
    services.closure_decide(actor=sup, closure=closure, approve=False, note="coba kunjungan")
    bpp_case.refresh_from_db()
    assert bpp_case.status == "open"


def test_reopen_needs_reason_and_returns_to_assessment(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    services.task_complete(actor=cw, task=Task.objects.get(case=bpp_case))
    closure = services.closure_request(actor=cw, case=bpp_case, reason="moved")
    services.closure_decide(actor=sup, closure=closure, approve=True)
    with pytest.raises(TransitionNotAllowed):
        services.case_transition(actor=cw, case=bpp_case, to_status="assessment")
    with pytest.raises(ReasonRequired):
        services.case_reopen(actor=cw, case=bpp_case, reason="")
    services.case_reopen(actor=cw, case=bpp_case, reason="kekerasan berulang")
    bpp_case.refresh_from_db()
    assert bpp_case.status == "assessment"
    assert bpp_case.closed_at is None


def test_assignment_moves_open_tasks_to_new_lead_and_keeps_history(personas, make_user):
    sup = personas["supervisor_bpp"].user
    case = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    task = Task.objects.get(case=case)
    assert task.owner is None
    first = personas["caseworker_bpp"].user
    second = make_user("caseworker", "bpp", username="cw2")
    assign(sup, case, first)
    task.refresh_from_db()
    assert task.owner == first
    assign(sup, case, second)
    task.refresh_from_db()
    assert task.owner == second
    assert list(
        Assignment.objects.filter(case=case).order_by("id").values_list("user__username", "action")
    ) == [("caseworker_bpp", "lead"), ("caseworker_bpp", "removed"), ("cw2", "lead")]


def test_assignee_must_be_caseworker_in_scope(personas):
    case = make_case(personas["intake_bpp"].user)
    sup = personas["supervisor_bpp"].user
    for user in [personas["caseworker_kalteng"].user, personas["analyst_bpp"].user]:
        with pytest.raises(InvalidAssignee):
            assign(sup, case, user)
    with pytest.raises(NotPermitted):
        assign(personas["supervisor_kalteng"].user, case, personas["caseworker_kalteng"].user)
