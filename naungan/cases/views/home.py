"""The cases app's sections of the staff home page (``/``): each role's work list, the most
urgent first, every line a link (registered in ``CasesConfig.ready``).

A section answers ``None`` when it has nothing, so that the page shows its one empty state
only when nothing at all waits. ``order`` places it among the other apps' sections: a
supervisor's unassigned cases (10), decisions asked of them (20), transfers to accept (30),
the report queue (40, the reports app), their unit's overdue tasks (50), their own tasks (60);
a caseworker's new cases (10), reporters waiting for an answer (20), their tasks (30). Every
read goes through the scoped selectors."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from naungan.accounts.access import request_user
from naungan.accounts.roles import ASSIGNABLE_ROLES, CASE_ROLES, SUPERVISORS, user_in
from naungan.cases import selectors
from naungan.cases.selectors.cases import TRIAGE_ORDER

LIMIT = 10


def _first(qs: Any, limit: int = LIMIT) -> tuple[list[Any], int]:
    """The first ``limit`` rows and how many there are (a count query only when more)."""
    rows = list(qs[: limit + 1])
    if len(rows) <= limit:
        return rows, len(rows)
    return rows[:limit], qs.count()


def _rank(triage: str) -> int:
    """As ``selectors.triage_rank``, for lines merged here from two queries."""
    levels = [str(t) for t in TRIAGE_ORDER]
    return levels.index(triage) if triage in levels else len(levels)


def unassigned_section(request: HttpRequest) -> dict[str, Any] | None:
    """Supervisor: open cases in scope waiting for a lead, emergency first."""
    if not user_in(request.user, SUPERVISORS):
        return None
    cases, count = _first(selectors.cases_unassigned(user=request_user(request)))
    if not cases:
        return None
    return {
        "template": "cases/home/unassigned.html",
        "order": 10,
        "cases": cases,
        "count": count,
        "now": timezone.now(),
    }


def approvals_section(request: HttpRequest) -> dict[str, Any] | None:
    """Supervisor: plans and closures waiting for their decision, the most urgent case first,
    then the longest waiting."""
    if not user_in(request.user, SUPERVISORS):
        return None
    user = request_user(request)
    plans, plan_count = _first(selectors.plans_awaiting_decision(user=user))
    closures, closure_count = _first(selectors.closures_awaiting_decision(user=user))
    items = [{"kind": "plan", "obj": p, "case": p.case, "since": p.updated_at} for p in plans]
    items += [
        {"kind": "closure", "obj": c, "case": c.case, "since": c.created_at} for c in closures
    ]
    if not items:
        return None
    items.sort(key=lambda i: (_rank(i["case"].triage), i["since"]))
    return {
        "template": "cases/home/approvals.html",
        "order": 20,
        "items": items[:LIMIT],
        "count": plan_count + closure_count,
    }


def transfers_section(request: HttpRequest) -> dict[str, Any] | None:
    """Supervisor: open transfer requests addressed to their unit, the oldest first."""
    if not user_in(request.user, SUPERVISORS):
        return None
    incoming = selectors.transfers_incoming(user=request_user(request)).order_by("created_at")
    transfers, count = _first(incoming)
    if not transfers:
        return None
    return {
        "template": "cases/home/transfers.html",
        "order": 30,
        "transfers": transfers,
        "count": count,
    }


def overdue_section(request: HttpRequest) -> dict[str, Any] | None:
    """Supervisor: their unit's overdue tasks, whoever owns them, the longest overdue first."""
    if not user_in(request.user, SUPERVISORS):
        return None
    tasks = list(selectors.tasks_overdue_in_scope(user=request_user(request), limit=LIMIT))
    if not tasks:
        return None
    return {"template": "cases/home/overdue.html", "order": 50, "tasks": tasks}


def new_assignments_section(request: HttpRequest) -> dict[str, Any] | None:
    """Caseworkers (and supervisors leading cases): cases assigned to them that they have not
    opened yet."""
    if not user_in(request.user, ASSIGNABLE_ROLES):
        return None
    rows = selectors.assignments_unseen(user=request_user(request))
    if not rows:
        return None
    return {
        "template": "cases/home/new_assignments.html",
        "order": 10,
        "assignments": rows,
        "count": len(rows),
    }


def messages_section(request: HttpRequest) -> dict[str, Any] | None:
    """Whoever works on cases: reporters waiting for an answer on them."""
    if not user_in(request.user, ASSIGNABLE_ROLES):
        return None
    cases, count = _first(selectors.cases_with_unread_messages(user=request_user(request)))
    if not cases:
        return None
    return {"template": "cases/home/messages.html", "order": 20, "cases": cases, "count": count}


def tasks_section(request: HttpRequest) -> dict[str, Any] | None:
    """The user's own open tasks in deadline order (overdue first). A supervisor's overdue
    tasks are in their unit's list and unowned ones belong to the cases waiting for a lead, so
    here only their own that are not yet due."""
    if not user_in(request.user, CASE_ROLES):
        return None
    user = request_user(request)
    now = timezone.now()
    tasks = list(selectors.tasks_needing(user=user))
    supervisor = user_in(user, SUPERVISORS)
    if supervisor:
        tasks = [t for t in tasks if t.owner_id == user.pk and t.due_at >= now]
    if not tasks:
        return None
    return {
        "template": "cases/home/tasks.html",
        "order": 60 if supervisor else 30,
        "tasks": tasks,
        "now": now,
    }


SECTIONS = [
    unassigned_section,
    approvals_section,
    transfers_section,
    overdue_section,
    new_assignments_section,
    messages_section,
    tasks_section,
]
