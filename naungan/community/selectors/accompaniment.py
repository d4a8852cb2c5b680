"""Reads of activists' accompaniment briefs: the activist named on a brief sees it (unless it
was withdrawn) and its logs, nothing else of the case; the case's readers see the briefs on the
case page."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.cases.models import Case

from ..exceptions import NotFound
from ..models import AccompanimentBrief, BriefStatus


def briefs_for_activist(user: Any) -> QuerySet[AccompanimentBrief]:
    if not user_in(user, ACTIVISTS):
        return AccompanimentBrief.objects.none()
    return AccompanimentBrief.objects.filter(activist=user).exclude(status=BriefStatus.WITHDRAWN)


def brief_get(*, user: Any, brief_id: Any) -> AccompanimentBrief:
    """One brief of the activist; NotFound for a missing one, another's, or a withdrawn one."""
    try:
        brief = (
            briefs_for_activist(user)
            .select_related("case__area", "created_by")
            .filter(public_id=brief_id)
            .first()
        )
    except (ValueError, TypeError):
        brief = None
    if brief is None:
        raise NotFound
    return brief


def case_briefs(case: Case) -> QuerySet[AccompanimentBrief]:
    """The briefs on a case (for its readers, on the case page), with their logs."""
    return (
        AccompanimentBrief.objects.filter(case=case)
        .select_related("activist", "created_by")
        .prefetch_related("logs")
        .order_by("-created_at")
    )


def case_brief_get(*, case: Case, brief_id: Any) -> AccompanimentBrief:
    try:
        brief = case_briefs(case).filter(public_id=brief_id).first()
    except (ValueError, TypeError):
        brief = None
    if brief is None:
        raise NotFound
    return brief
