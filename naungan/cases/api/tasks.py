"""Cases API: a case's tasks and notes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.models import Task
from naungan.cases.schemas.cases import CreatedOut
from naungan.cases.schemas.tasks import NoteIn, TaskListOut, TaskOut, WaiveIn


@router.get(
    "/{caseid:case_id}/tasks",
    response=TaskListOut,
    summary="Deadlines and tasks of a case",
    description="Items `{kind, due_at, status, …}` ordered by deadline; `overdue` is computed.",
)
def cases_tasks(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    tasks = list(selectors.case_tasks(case=case))
    services.case_read_audit(actor=user, case=case, categories="tasks", request=request)
    return {"items": tasks, "count": len(tasks)}


def _task(user: User, case_id: UUID, task_id: UUID) -> Task:
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    return selectors.case_task_get(case=case, task_id=task_id)


@router.post(
    "/{caseid:case_id}/tasks/{task_id}/complete",
    response=TaskOut,
    summary="Mark a task done",
)
def cases_task_complete(request: HttpRequest, case_id: UUID, task_id: UUID) -> Task:
    user = request_user(request)
    task = services.task_complete(actor=user, task=_task(user, case_id, task_id))
    return task


@router.post(
    "/{caseid:case_id}/tasks/{task_id}/waive",
    response=TaskOut,
    summary="Waive a task with a reason",
    description="Statutory tasks only by a supervisor (else 403).",
)
def cases_task_waive(request: HttpRequest, case_id: UUID, task_id: UUID, payload: WaiveIn) -> Task:
    user = request_user(request)
    task = services.task_waive(
        actor=user, task=_task(user, case_id, task_id), reason=payload.reason
    )
    return task


@router.post(
    "/{caseid:case_id}/notes",
    response={201: CreatedOut},
    summary="Add a note",
    description="Typed (contact, home visit, coordination, supervision, other), encrypted.",
)
def cases_note(request: HttpRequest, case_id: UUID, payload: NoteIn) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    note = services.note_add(actor=user, case=case, kind=payload.kind, body=payload.body)
    return Status(201, {"id": note.public_id})
