"""Reads of case tasks: a case's tasks and the "needs me now" queue of the home page."""

from __future__ import annotations

from itertools import count as steps
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

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
    sees; overdue first, then by deadline.

    Candidates come from the task indexes in deadline order and are checked against
    ``cases_visible_to`` a chunk at a time by primary key, so the cost follows the number of
    open tasks, not the number of cases in scope."""
    if user.role not in CASE_ROLES:
        return Task.objects.none()
    mine = Q(owner_id=user.pk)
    if user.role == Role.CASEWORKER and not settings.CASEWORKER_SEES_UNIT_CASES:
        # Few tasks and cases per caseworker: one query joining their open tasks to the cases
        # they are assigned to is the cheapest plan (the chunks below are for a wide scope).
        return (
            Task.objects.filter(mine, status=TaskStatus.OPEN)
            .filter(case_id__in=assigned_case_ids(user))
            .exclude(case__status=CaseStatus.CLOSED)
            .select_related("case", "case__area")
            .order_by("due_at", "id")[:limit]
        )
    if user.role in SUPERVISORS:
        mine |= Q(owner__isnull=True)
    candidates = (
        Task.objects.filter(mine, status=TaskStatus.OPEN)
        .order_by("due_at", "id")
        .values_list("pk", "case_id")
    )
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
