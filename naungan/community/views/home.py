"""The activist's page (phone-first): what to record, the status of their reports, their
accompaniment tasks; the chair also sees the group's counts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naungan.accounts.access import role_required
from naungan.accounts.roles import ACTIVISTS, PREVENTION_COORDINATORS, user_in

from .. import selectors
from ..forms.accompaniment import brief_ref
from ..models import BriefStatus

RECENT_REPORTS = 20


@role_required(ACTIVISTS)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    membership = selectors.current_membership(user)
    reports = [
        (r, selectors.field_report_status(r))
        for r in selectors.own_field_reports(user)[:RECENT_REPORTS]
    ]
    briefs = _open_tasks(user)
    return render(
        request,
        "community/home.html",
        {"membership": membership, "reports": reports, "briefs": briefs},
    )


def home_section(request: HttpRequest) -> dict[str, Any] | None:
    """On the staff home page of activists: open accompaniment tasks and the way to the
    PPATBM page."""
    user = request.user
    if not user_in(user, ACTIVISTS):
        return None
    briefs = _open_tasks(user, limit=10)
    return {"template": "community/partials/home_section.html", "briefs": briefs, "order": 10}


def coordination_section(request: HttpRequest) -> dict[str, Any] | None:
    """On the home page of a coordinator (the kecamatan's Kasi Kessos, the dinas' data staff):
    the coverage gaps of their area and this month's prevention activities, with the way to the
    coverage view, the monthly summary and the kecamatan's printable report."""
    user = request.user
    if not user_in(user, PREVENTION_COORDINATORS):
        return None
    overview = selectors.coordination_of(user, today=timezone.localdate())
    if overview is None:
        return None
    return {
        "template": "community/partials/coordination_section.html",
        "overview": overview,
        "order": 20,
    }


def _open_tasks(user: Any, limit: int = 50) -> list[Any]:
    """The activist's open accompaniments with their case Task (its due time, overdue), the
    soonest due first; each carries its short reference."""
    rows = list(
        selectors.briefs_for_activist(user)
        .filter(status=BriefStatus.OPEN)
        .select_related("case_task")
        .order_by("case_task__due_at", "created_at")[:limit]
    )
    for brief in rows:
        brief.ref = brief_ref(brief)  # type: ignore[attr-defined]
    return rows
