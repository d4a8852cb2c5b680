"""Scoped reads for supervisors' work beyond one case: transfers between units, caseloads,
saved list filters and case documents. Case visibility itself stays in
``selectors.cases_visible_to``; these reads either start from it or answer for records that are
not case content (a transfer request, a count)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from naungan.accounts.models import Role, User
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, OrgKind

from .models import (
    Case,
    CaseDocument,
    CaseStatus,
    CaseTransfer,
    SavedFilter,
    TransferStatus,
    Triage,
)
from .selectors import NONE_Q, cases_visible_to

DEFAULT_CASELOAD_WARNING = 30


def _transfer_q(user: User) -> Q:
    """Transfers a supervisor may read: those sent from their area and those addressed to their
    unit in their area. Nobody else reads transfers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NONE_Q
    if user.role != Role.SUPERVISOR or not user.area_id:
        return NONE_Q
    return _incoming_q(user) | area_scope_q(user, prefix="from_area__")


def _incoming_q(user: User) -> Q:
    return Q(to_organisation_id=user.organisation_id) & area_scope_q(user, prefix="to_area__")


def transfers_visible_to(user: User) -> QuerySet[CaseTransfer]:
    q = _transfer_q(user)
    if q is NONE_Q:
        return CaseTransfer.objects.none()
    return CaseTransfer.objects.filter(q).select_related(
        "case",
        "from_organisation",
        "to_organisation",
        "from_area",
        "to_area",
        "requested_by",
        "decided_by",
    )


def transfers_incoming(*, user: User, open_only: bool = True) -> QuerySet[CaseTransfer]:
    """Requests addressed to the user's unit (the "Pelimpahan masuk" list)."""
    if user.role != Role.SUPERVISOR or not user.area_id:
        return CaseTransfer.objects.none()
    qs = transfers_visible_to(user).filter(_incoming_q(user))
    if open_only:
        qs = qs.filter(status=TransferStatus.REQUESTED)
    return qs.order_by("-created_at")


def transfers_outgoing(*, user: User) -> QuerySet[CaseTransfer]:
    """Requests sent from the user's area, every status: after acceptance this record is all
    the sender keeps of the case."""
    if user.role != Role.SUPERVISOR or not user.area_id:
        return CaseTransfer.objects.none()
    return (
        transfers_visible_to(user)
        .filter(area_scope_q(user, prefix="from_area__"))
        .order_by("-created_at")
    )


def transfer_get(*, user: User, transfer_id: UUID | str) -> CaseTransfer:
    """One transfer the user may read; 404 for missing and out of scope alike."""
    try:
        return transfers_visible_to(user).get(public_id=transfer_id)
    except (CaseTransfer.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc


def case_open_transfer(*, case: Case) -> CaseTransfer | None:
    return (
        case.transfers.filter(status=TransferStatus.REQUESTED)
        .select_related("to_organisation", "requested_by")
        .first()
    )


def transfer_destinations(*, case: Case) -> QuerySet[Organisation]:
    """UPTD PPA units a case may be transferred to: every unit but its own."""
    return (
        Organisation.objects.filter(kind=OrgKind.UPTD_PPA)
        .exclude(pk=case.organisation_id)
        .select_related("area")
        .order_by("name")
    )


# --- assignment and caseloads ----------------------------------------------------------------


def unit_workers(*, user: User) -> QuerySet[User]:
    """Active caseworkers and supervisors of the supervisor's unit within their scope: the
    people a supervisor assigns and whose caseload they watch."""
    if user.role != Role.SUPERVISOR or not user.area_id or not user.organisation_id:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            role__in=[Role.CASEWORKER, Role.SUPERVISOR],
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


# --- saved filters ---------------------------------------------------------------------------


def saved_filters_of(*, user: User) -> QuerySet[SavedFilter]:
    if not getattr(user, "is_authenticated", False):
        return SavedFilter.objects.none()
    return SavedFilter.objects.filter(user_id=user.pk).order_by("name")


def saved_filter_get(*, user: User, filter_id: int) -> SavedFilter:
    """One of the user's own saved filters; 404 for anyone else's."""
    found = saved_filters_of(user=user).filter(pk=filter_id).first()
    if found is None:
        raise Http404
    return found


# --- documents -------------------------------------------------------------------------------


def case_documents(*, case: Case) -> QuerySet[CaseDocument]:
    """Documents of a case already fetched through ``case_get`` (so visible to the reader);
    the encrypted content is not loaded."""
    return case.documents.defer("blob").select_related("uploaded_by").order_by("-created_at")


def case_document_get(*, user: User, case_id: UUID | str, document_id: UUID | str) -> CaseDocument:
    """A document of a case the user sees; 404 otherwise."""
    try:
        return CaseDocument.objects.select_related("case", "case__area").get(
            case__in=cases_visible_to(user), case__public_id=case_id, public_id=document_id
        )
    except (CaseDocument.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc
