"""Reads of the case's working records: intervention plans, monitoring entries and the user's
notices. Plans and entries are read through a case already obtained from ``case_get`` (so the
scope rule stays in ``selectors.cases_visible_to``); notices belong to one user."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404

from naungan.accounts.models import User

from .models import Case, InterventionPlan, MonitoringEntry, Notification, PlanAction, PlanStatus


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


def case_monitoring(*, case: Case) -> QuerySet[MonitoringEntry]:
    return case.monitoring.select_related("author").order_by("-reviewed_on", "-id")


def notifications_for(*, user: User) -> QuerySet[Notification]:
    """The user's notices, unread first, newest first."""
    return (
        Notification.objects.filter(user_id=user.pk)
        .select_related("case", "task")
        .order_by(F("read_at").asc(nulls_first=True), "-created_at", "-id")
    )


def notifications_unread_count(*, user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def notification_get(*, user: User, notification_id: int) -> Notification:
    """One of the user's notices; anyone else's is a 404."""
    notice = Notification.objects.filter(user_id=user.pk, pk=notification_id).first()
    if notice is None:
        raise Http404
    return notice
