"""Tasks and notes on a case."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.core.models import AuditAction

from ..exceptions import (
    NotPermitted,
    ReasonRequired,
    TaskNotOpen,
)
from ..models import (
    Case,
    Note,
    Task,
    TaskStatus,
)
from ._common import (
    _audit,
    _require_writer,
    _save,
)

# --- tasks and notes --------------------------------------------------------------------------


@transaction.atomic
def task_complete(*, actor: User, task: Task) -> Task:
    """Mark an open task done. Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, task.case)
    task = Task.objects.select_for_update().select_related("case__area").get(pk=task.pk)
    if task.status != TaskStatus.OPEN:
        raise TaskNotOpen
    task.status = TaskStatus.DONE
    task.completed_at = timezone.now()
    task.completed_by = actor
    _save(task)
    _audit(actor, AuditAction.UPDATE, task, task.case, reason=f"task done {task.kind}")
    return task


@transaction.atomic
def task_waive(*, actor: User, task: Task, reason: str) -> Task:
    """Set a task aside with a reason. A statutory task (law) only by a supervisor."""
    _require_writer(actor, task.case)
    task = Task.objects.select_for_update().select_related("case__area").get(pk=task.pk)
    if task.status != TaskStatus.OPEN:
        raise TaskNotOpen
    if task.statutory and actor.role not in SUPERVISORS:
        raise NotPermitted(_("Tugas wajib menurut hukum hanya dapat dikesampingkan supervisor."))
    if not reason.strip():
        raise ReasonRequired
    task.status = TaskStatus.WAIVED
    task.waived_reason = reason.strip()
    task.completed_at = timezone.now()
    task.completed_by = actor
    _save(task)
    _audit(actor, AuditAction.UPDATE, task, task.case, reason=f"task waived: {reason.strip()}")
    return task


@transaction.atomic
def note_add(*, actor: User, case: Case, kind: str, body: str) -> Note:
    """A typed, encrypted note (contact, home visit, coordination, supervision)."""
    _require_writer(actor, case)
    note = Note(case=case, kind=kind, body=body.strip(), author=actor)
    _save(note)
    _audit(actor, AuditAction.CREATE, note, case, categories="narrative")
    return note
