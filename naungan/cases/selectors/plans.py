"""Intervention plans and monitoring entries of a case."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import (
    Case,
    CaseStatus,
    InterventionPlan,
    MonitoringEntry,
    PlanAction,
    PlanStatus,
)
from naungan.cases.selectors.cases import cases_visible_to, triage_rank
from naungan.orgs.models import Organisation
from naungan.orgs.selectors import organisations_serving


def plans_awaiting_decision(*, user: User) -> QuerySet[InterventionPlan]:
    """Submitted plans a supervisor may decide: on open cases in their scope
    (``cases_visible_to``), not written by them (the author never decides). The most urgent
    case first, then the longest waiting. Anyone else: none."""
    if user.role not in SUPERVISORS:
        return InterventionPlan.objects.none()
    return (
        InterventionPlan.objects.filter(
            status=PlanStatus.SUBMITTED, case__in=cases_visible_to(user)
        )
        .exclude(author_id=user.pk)
        .exclude(case__status=CaseStatus.CLOSED)
        .select_related("case", "case__area", "author")
        .order_by(triage_rank("case__"), "updated_at", "pk")
    )


def case_plans(*, case: Case) -> QuerySet[InterventionPlan]:
    """All versions of the case's plan, newest first, with their actions."""
    actions = PlanAction.objects.select_related("responsible_user", "responsible_org", "task")
    return (
        case.plans.select_related("author", "decided_by")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("-version")
    )


def case_plan_get(*, case: Case, plan_id: UUID | str) -> InterventionPlan:
    """One plan version of a visible case; 404 when it is not this case's."""
    try:
        return case_plans(case=case).get(public_id=plan_id)
    except (InterventionPlan.DoesNotExist, ValidationError, ValueError) as exc:
        raise Http404 from exc


def plan_current(plans: list[InterventionPlan]) -> InterventionPlan | None:
    """The plan in force: the newest approved version (older approved ones are superseded)."""
    return next((p for p in plans if p.status == PlanStatus.APPROVED), None)


def plan_organisations(*, case: Case) -> QuerySet[Organisation]:
    """The organisations a plan action of ``case`` may name as responsible: active bodies of
    the case's area, its ancestors (kota, province) and its kabupaten/kota, and the national
    ones (``orgs.selectors.organisations_serving``). A Balikpapan case is not offered the
    bodies of Kalimantan Tengah."""
    return organisations_serving(case.area)


def case_monitoring(*, case: Case) -> QuerySet[MonitoringEntry]:
    return case.monitoring.select_related("author").order_by("-reviewed_on", "-id")
