"""Reads of case tasks: a case's tasks, the "needs me now" queue of the home page and a
supervisor's overdue tasks of their unit."""

from __future__ import annotations

from itertools import count as steps
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from naungan.accounts.models import Role, User
from naungan.accounts.roles import CASE_ROLES, SUPERVISORS
from naungan.cases.models import (
    Case,
    CaseStatus,
    Task,
    TaskStatus,
)
from naungan.cases.selectors.cases import assigned_case_ids, cases_visible_to

TASK_CHUNK = 500


def case_tasks(*, case: Case) -> QuerySet[Task]:
    return case.tasks.select_related("owner").order_by("due_at", "id")


def tasks_needing(*, user: User, limit: int = 20) -> QuerySet[Task]:
    """The "needs me now" queue: open tasks the user owns (tasks follow the lead, see
    ``case_assign``) and, for a supervisor, tasks nobody owns yet; only on open cases the user
    sees; overdue first, then by deadline (``_open_tasks_in_scope``)."""
    if user.role not in CASE_ROLES:
        return Task.objects.none()
    mine = Q(owner_id=user.pk)
    if user.role == Role.CASEWORKER and not settings.CASEWORKER_SEES_UNIT_CASES:
        # Few tasks and cases per caseworker: one query joining their open tasks to the cases
        # they are assigned to is the cheapest plan (the chunks are for a wide scope).
        return (
            Task.objects.filter(mine, status=TaskStatus.OPEN)
            .filter(case_id__in=assigned_case_ids(user))
            .exclude(case__status=CaseStatus.CLOSED)
            .select_related("case", "case__area")
            .order_by("due_at", "id")[:limit]
        )
    if user.role in SUPERVISORS:
        mine |= Q(owner__isnull=True)
    return _open_tasks_in_scope(user, Task.objects.filter(mine, status=TaskStatus.OPEN), limit)


def tasks_overdue_in_scope(*, user: User, limit: int = 10) -> QuerySet[Task]:
    """A supervisor's view of their unit: open tasks past their deadline on the open cases
    of their scope (``cases_visible_to``), whoever owns them, the longest overdue first, with
    the owner. Anyone else: none (their own overdue tasks lead ``tasks_needing``)."""
    if user.role not in SUPERVISORS:
        return Task.objects.none()
    overdue = Task.objects.filter(status=TaskStatus.OPEN, due_at__lt=timezone.now())
    return _open_tasks_in_scope(user, overdue, limit).select_related("owner")


def _open_tasks_in_scope(user: User, tasks: QuerySet[Task], limit: int) -> QuerySet[Task]:
    """The first ``limit`` of ``tasks`` in deadline order whose case is open and visible to
    ``user``. Candidates come from the task indexes in deadline order and are checked against
    ``cases_visible_to`` a chunk at a time by primary key, so the cost follows the number of
    open tasks, not the number of cases in scope."""
    candidates = tasks.order_by("due_at", "id").values_list("pk", "case_id")
    chosen: list[int] = []
    visible = cases_visible_to(user).exclude(status=CaseStatus.CLOSED)
    # Plain slices, not .iterator(): on PostgreSQL that opens a server-side cursor (a
    # transaction and three round trips) although one chunk is nearly always enough.
    for start in steps(0, TASK_CHUNK):
        chunk = list(candidates[start : start + TASK_CHUNK])
        if not chunk:
            break
        ok = set(
            visible.filter(pk__in={case_id for _pk, case_id in chunk}).values_list("pk", flat=True)
        )
        chosen += [pk for pk, case_id in chunk if case_id in ok]
        if len(chosen) >= limit or len(chunk) < TASK_CHUNK:
            break
    return (
        Task.objects.filter(pk__in=chosen[:limit])
        .select_related("case", "case__area")
        .order_by("due_at", "id")
    )


def case_task_get(*, case: Case, task_id: UUID | str) -> Task:
    """A task of ``case`` (already scoped by the case lookup); 404 for a missing task and for
    another case's."""
    return get_object_or_404(case.tasks.select_related("case__area", "owner"), public_id=task_id)
