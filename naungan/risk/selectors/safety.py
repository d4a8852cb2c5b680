"""Reads of safety plans, through a case the reader sees."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from naungan.cases.models import Case

from ..models import SafetyPlan
from ._common import get_public


def case_safety_plans(*, case: Case) -> QuerySet[SafetyPlan]:
    """Every version, newest first per victim."""
    return case.safety_plans.select_related("victim", "review_task", "created_by").order_by(
        "victim_id", "-number"
    )


def case_safety_plan_get(*, case: Case, plan_id: UUID | str) -> SafetyPlan:
    return get_public(case_safety_plans(case=case), plan_id)
