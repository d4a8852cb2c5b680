"""Transfers a user sees (sender's and receiver's supervisors), a case's open transfer and the
units a case may go to."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import (
    Case,
    CaseTransfer,
    TransferStatus,
)
from naungan.cases.selectors.cases import NONE_Q
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, OrgKind


def _transfer_q(user: User) -> Q:
    """Transfers a supervisor may read: those sent from their area and those addressed to their
    unit in their area. Nobody else reads transfers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NONE_Q
    if user.role not in SUPERVISORS or not user.area_id:
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
    if user.role not in SUPERVISORS or not user.area_id:
        return CaseTransfer.objects.none()
    qs = transfers_visible_to(user).filter(_incoming_q(user))
    if open_only:
        qs = qs.filter(status=TransferStatus.REQUESTED)
    return qs.order_by("-created_at")


def transfers_outgoing(*, user: User) -> QuerySet[CaseTransfer]:
    """Requests sent from the user's area, every status: after acceptance this record is all
    the sender keeps of the case."""
    if user.role not in SUPERVISORS or not user.area_id:
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
