"""Reads of a case's workflow: its pending closure request, a closure request by id, and the
timeline of status changes, notes and tasks on the case page."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import (
    Case,
    CaseParty,
    ClosureRequest,
    ClosureStatus,
    TransferStatus,
)
from naungan.cases.selectors.cases import cases_visible_to, triage_rank


def case_pending_closure(*, case: Case) -> ClosureRequest | None:
    return (
        case.closure_requests.filter(status=ClosureStatus.PENDING)
        .select_related("requested_by")
        .first()
    )


def closures_awaiting_decision(*, user: User) -> QuerySet[ClosureRequest]:
    """Pending closure requests a supervisor may decide: on cases in their scope
    (``cases_visible_to``), not asked by them (the requester never decides). The most urgent
    case first, then the longest waiting. Anyone else: none."""
    if user.role not in SUPERVISORS:
        return ClosureRequest.objects.none()
    return (
        ClosureRequest.objects.filter(status=ClosureStatus.PENDING, case__in=cases_visible_to(user))
        .exclude(requested_by_id=user.pk)
        .select_related("case", "case__area", "requested_by")
        .order_by(triage_rank("case__"), "created_at", "pk")
    )


def case_closure_get(*, case: Case, closure_id: UUID | str) -> ClosureRequest:
    """A closure request of ``case`` (already scoped by the case lookup); 404 otherwise."""
    return get_object_or_404(case.closure_requests.all(), public_id=closure_id)


def case_timeline(*, case: Case) -> list[dict[str, Any]]:
    """Everything that happened on a case, newest first: status changes, assignments, notes,
    incidents (recorded, then withdrawn), tasks done or waived, closure decisions, plan
    versions, monitoring, transfers
    (requested, then accepted, declined or cancelled) and parties added after the case was
    opened or removed. One query per kind, not per event."""
    events: list[dict[str, Any]] = []
    for sc in case.status_changes.select_related("actor"):
        events.append({"at": sc.created_at, "kind": "status", "obj": sc, "actor": sc.actor})
    for a in case.assignments.select_related("user", "assigned_by"):
        events.append({"at": a.created_at, "kind": "assignment", "obj": a, "actor": a.assigned_by})
    for n in case.notes.select_related("author"):
        events.append({"at": n.created_at, "kind": "note", "obj": n, "actor": n.author})
    for i in case.incidents.select_related("recorded_by", "withdrawn_by"):
        events.append({"at": i.created_at, "kind": "incident", "obj": i, "actor": i.recorded_by})
        if i.withdrawn_at is not None:
            events.append(
                {
                    "at": i.withdrawn_at,
                    "kind": "incident",
                    "step": "withdrawn",
                    "obj": i,
                    "actor": i.withdrawn_by,
                }
            )
    for t in case.tasks.exclude(completed_at=None).select_related("completed_by"):
        at: datetime = t.completed_at  # type: ignore[assignment]
        events.append({"at": at, "kind": "task", "obj": t, "actor": t.completed_by})
    for c in case.closure_requests.select_related("requested_by", "decided_by"):
        events.append({"at": c.created_at, "kind": "closure", "obj": c, "actor": c.requested_by})
    for p in case.plans.select_related("author", "decided_by"):
        decided = p.decided_at is not None
        events.append(
            {
                "at": p.decided_at if decided else p.updated_at,
                "kind": "plan",
                "obj": p,
                "actor": p.decided_by if decided else p.author,
            }
        )
    for m in case.monitoring.select_related("author"):
        events.append({"at": m.created_at, "kind": "monitoring", "obj": m, "actor": m.author})
    parties = (
        CaseParty.all_objects.filter(case=case)
        .filter(Q(added_by__isnull=False) | Q(removed_at__isnull=False))
        .select_related("person", "added_by", "removed_by")
    )
    for party in parties:
        if party.added_by_id is not None:
            events.append(
                {
                    "at": party.created_at,
                    "kind": "party",
                    "step": "added",
                    "obj": party,
                    "actor": party.added_by,
                }
            )
        if party.removed_at is not None:
            events.append(
                {
                    "at": party.removed_at,
                    "kind": "party",
                    "step": "removed",
                    "obj": party,
                    "actor": party.removed_by,
                }
            )
    transfers = case.transfers.select_related(
        "from_organisation", "to_organisation", "requested_by", "decided_by"
    )
    for tr in transfers:
        # The request, then (once decided) the acceptance, decline or withdrawal: ``step``
        # tells the template which of the two this event is.
        events.append(
            {
                "at": tr.created_at,
                "kind": "transfer",
                "step": TransferStatus.REQUESTED,
                "obj": tr,
                "actor": tr.requested_by,
            }
        )
        if tr.decided_at is not None:
            events.append(
                {
                    "at": tr.decided_at,
                    "kind": "transfer",
                    "step": tr.status,
                    "obj": tr,
                    "actor": tr.decided_by,
                }
            )
    events.sort(key=lambda e: e["at"], reverse=True)
    return events
