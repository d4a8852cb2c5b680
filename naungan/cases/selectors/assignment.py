"""Who a supervisor may assign (the unit's workers) and the unit's caseloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet

from naungan.accounts.models import User
from naungan.accounts.roles import ASSIGNABLE_ROLES, SUPERVISORS
from naungan.cases.models import (
    Case,
    CaseStatus,
    Triage,
)
from naungan.cases.selectors.cases import CaseFilters, case_list
from naungan.core.selectors import area_scope_q


def cases_assignable(*, user: User, filters: CaseFilters) -> QuerySet[Case]:
    """The cases of the list (same scope and filters) that can still be assigned: every status
    but closed (a closed case is reopened first). Bulk assignment lists these."""
    return case_list(user=user, filters=filters).exclude(status=CaseStatus.CLOSED)


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
