"""Who a supervisor may assign (the unit's workers), the unit's caseloads, the cases that wait
for a lead and the assignments their worker has not opened yet (both on the home page)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, F, OuterRef, QuerySet, Subquery

from naungan.accounts.models import User
from naungan.accounts.roles import ASSIGNABLE_ROLES, SUPERVISORS
from naungan.cases.models import (
    Assignment,
    Case,
    CaseStatus,
    Task,
    TaskStatus,
    Triage,
)
from naungan.cases.selectors.cases import (
    CaseFilters,
    assigned_case_ids,
    case_list,
    cases_visible_to,
    triage_rank,
)
from naungan.core.selectors import area_scope_q


def cases_assignable(*, user: User, filters: CaseFilters) -> QuerySet[Case]:
    """The cases of the list (same scope and filters) that can still be assigned: every status
    but closed (a closed case is reopened first). Bulk assignment lists these."""
    return case_list(user=user, filters=filters).exclude(status=CaseStatus.CLOSED)


def cases_unassigned(*, user: User) -> QuerySet[Case]:
    """Open cases without a lead in a supervisor's scope (``cases_visible_to``), the most
    urgent first: by triage (emergency first, untriaged last), then the nearest open
    deadline (``next_due``: the first-response or police-report task), then the longest
    waiting. Anyone else gets none: a caseworker never has unassigned cases listed, even where
    they may read the unit's cases (``NAUNGAN_CASEWORKER_SEES_UNIT_CASES``)."""
    if user.role not in SUPERVISORS:
        return Case.objects.none()
    next_due = (
        Task.objects.filter(case_id=OuterRef("pk"), status=TaskStatus.OPEN)
        .order_by("due_at")
        .values("due_at")[:1]
    )
    return (
        cases_visible_to(user)
        .filter(lead__isnull=True)
        .exclude(status=CaseStatus.CLOSED)
        .annotate(rank=triage_rank(), next_due=Subquery(next_due))
        .select_related("area")
        .order_by("rank", F("next_due").asc(nulls_last=True), "received_at", "pk")
    )


def assignments_unseen(*, user: User, limit: int = 20) -> list[Assignment]:
    """The user's newest assignment of each case they still work on (lead or co-worker, case
    not closed) that they have not opened since (``seen_at``): the most urgent case first,
    then the longest unopened. Only the user's own rows: nobody sees another's."""
    rows = (
        Assignment.objects.filter(user_id=user.pk, seen_at__isnull=True)
        .exclude(action=Assignment.Action.REMOVED)
        .filter(case_id__in=assigned_case_ids(user))
        .exclude(case__status=CaseStatus.CLOSED)
        .annotate(rank=triage_rank("case__"))
        .select_related("case", "case__area", "assigned_by")
        .order_by("-created_at", "-pk")
    )
    newest: dict[int, Assignment] = {}
    for row in rows[: limit * 2]:  # co-worker, then lead: two rows of one case at most
        newest.setdefault(row.case_id, row)
    return sorted(newest.values(), key=_urgency)[:limit]


def _urgency(row: Assignment) -> tuple[int, datetime]:
    return (row.rank, row.created_at)  # type: ignore[attr-defined]


def unit_workers(*, user: User) -> QuerySet[User]:
    """Active caseworkers and supervisors of the supervisor's unit within their scope: the
    people a supervisor assigns and whose caseload they watch."""
    if user.role not in SUPERVISORS or not user.area_id or not user.organisation_id:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            role__in=ASSIGNABLE_ROLES,
            organisation_id=user.organisation_id,
        )
        .filter(area_scope_q(user, prefix="area__"))
        .select_related("area")
        .order_by("role", "username")
    )


CASELOAD_COLUMNS: list[tuple[str, Any]] = [*Triage.choices, ("", "—")]


@dataclass
class Caseload:
    worker: User
    by_triage: dict[str, int] = field(default_factory=dict)
    co_working: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_triage.values())

    @property
    def cells(self) -> list[int]:
        """Counts in the order of ``CASELOAD_COLUMNS``."""
        return [self.by_triage.get(key, 0) for key, _label in CASELOAD_COLUMNS]


DEFAULT_CASELOAD_WARNING = 30


def caseload_warning() -> int:
    """Open cases as lead above which a worker is flagged (``NAUNGAN_CASELOAD_WARNING``)."""
    return int(getattr(settings, "NAUNGAN_CASELOAD_WARNING", DEFAULT_CASELOAD_WARNING))


def caseloads(*, user: User) -> list[Caseload]:
    """Open (not closed) cases led by each worker of the supervisor's unit, split by triage,
    plus the cases they co-work (DESIGN §5 Assignment). Counts only, no case content; three
    queries whatever the number of workers. A worker's whole load counts, restricted cases
    included."""
    workers = list(unit_workers(user=user))
    loads = {w.pk: Caseload(worker=w) for w in workers}
    if not loads:
        return []
    led = (
        Case.objects.filter(lead_id__in=loads)
        .exclude(status=CaseStatus.CLOSED)
        .values("lead_id", "triage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in led:
        loads[row["lead_id"]].by_triage[row["triage"]] = row["n"]
    co = (
        Case.co_workers.through.objects.filter(user_id__in=loads)
        .exclude(case__status=CaseStatus.CLOSED)
        .values("user_id")
        .annotate(n=Count("case_id"))
        .order_by()
    )
    for co_row in co:
        loads[co_row["user_id"]].co_working = co_row["n"]
    return sorted(loads.values(), key=lambda c: (-c.total, c.worker.username))
